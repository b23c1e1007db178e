/**
 * Hands a file to the browser's downloads (a click on a temporary `<a download>`), from memory:
 * nothing leaves the device, so it works offline. The object URL is revoked once the download has
 * had time to start.
 */
export function downloadFile(data: Blob | Uint8Array, fileName: string, contentType?: string): void {
  const blob =
    data instanceof Blob
      ? data
      : new Blob([data as Uint8Array<ArrayBuffer>], { type: contentType ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
