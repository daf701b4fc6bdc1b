/** Offers a Blob as a download (a same-origin blob URL, clicked once); returns the URL to revoke later. */
export function offerDownload(blob: Blob, fileName: string): string {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  return url;
}

/** Offers text as a file download (a same-origin blob URL; nothing is sent anywhere). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = offerDownload(new Blob([text], { type }), fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
