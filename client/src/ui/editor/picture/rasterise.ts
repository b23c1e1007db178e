/**
 * Paints a self-contained SVG onto a canvas `pixelRatio` times as fine as its CSS size and returns
 * it as a PNG. The SVG goes in as a data URL (not a blob URL, which some browsers treat as
 * another origin and then refuse to read back from the canvas); the browser draws the vector at
 * the canvas's resolution, so text stays sharp at 300 dpi. An image cannot fetch anything, so the
 * SVG must carry its own styles; fonts are the system's, as in the app.
 */
export async function rasterise(
  svg: string,
  width: number,
  height: number,
  pixelRatio: number,
): Promise<Blob> {
  const image = new Image();
  image.width = width;
  image.height = height;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('the browser could not draw the picture');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not draw the picture'))),
      'image/png',
    ),
  );
}
