// Saves text as a file through a Blob URL and an <a download>: no downloads permission needed.
let previousUrl: string | null = null;

export function downloadText(filename: string, text: string): void {
  // The previous URL is released on the next download rather than at once: Firefox may still be reading it.
  if (previousUrl) URL.revokeObjectURL(previousUrl);
  previousUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = previousUrl;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
