/** A URL-safe id with 132 random bits (22 base64url characters), from the platform CSPRNG. */
export function randomId(): string {
  const bytes = new Uint8Array(17);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 22);
}
