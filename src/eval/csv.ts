/**
 * A small RFC 4180 CSV reader: quoted fields with doubled quotes, commas and
 * newlines inside quotes, CRLF or LF line ends. Returns one object per row
 * keyed by the header line.
 *
 * @example parseCsv('a,b\n1,"x, y"\n') // [{a: '1', b: 'x, y'}]
 */
export function parseCsv(text: string, delimiter = ','): Record<string, string>[] {
  const rows = parseRows(text.replace(/^\uFEFF/, ''), delimiter);
  const header = rows.shift();
  if (!header) return [];
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}

export function parseRows(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
