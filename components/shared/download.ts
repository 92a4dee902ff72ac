// Saves text as a file the user downloads (backup, export, rejects) through an
// <a download>: no permission needed, nothing is sent anywhere.
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 2024-03-15, for file names. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
