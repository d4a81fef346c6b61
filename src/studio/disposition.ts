// The Content-Disposition of a file the studio sends: shown in the page or saved.

/** `attachment; filename="x.pdf"; filename*=UTF-8''…`: an ASCII stand-in and the real UTF-8 name, for every browser. */
export function disposition(how: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${how}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
