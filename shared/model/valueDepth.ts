/**
 * Whether a JSON-like value (as Yjs's ContentAny decodes it: primitives, arrays, plain objects,
 * Uint8Array) nests at most `maxDepth` arrays or objects deep. Iterative with an explicit stack, so a
 * hostile value nested 100,000 deep is measured without overflowing the call stack, and the walk
 * stops at the first level past the limit.
 */
export function valueDepthAtMost(value: unknown, maxDepth: number): boolean {
  // Most values are primitives: no stack for them.
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return true;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object' || current instanceof Uint8Array) continue;
    if (depth + 1 > maxDepth) return false;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return true;
}
