/** A CSV for German spreadsheets: ";" between fields, CRLF between lines, UTF-8 with BOM. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (field: string) => (/[";\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  return `\uFEFF${rows.map((row) => row.map(quote).join(';')).join('\r\n')}\r\n`;
}

/** Hands a file made in the browser to the user as a download. */
export function downloadFile(fileName: string, content: BlobPart, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
