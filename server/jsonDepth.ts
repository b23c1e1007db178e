/**
 * Whether a JSON text nests arrays and objects at most `maxDepth` deep, by one scan over its
 * characters (brackets inside strings and escaped quotes ignored). No parsing and no recursion: the
 * point is to refuse, before `JSON.parse`, a state nested deep enough to overflow `JSON.stringify`
 * later, when the server encodes it for every joiner.
 */
export function jsonDepthAtMost(json: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return false;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return true;
}
