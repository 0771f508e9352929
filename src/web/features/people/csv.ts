/** The columns of the contacts CSV, in the order of the template; the server also reads en/es names. */
export const csvColumns = [
  { header: 'nome', field: 'name', required: true },
  { header: 'email', field: 'email', required: true },
  { header: 'telefone', field: 'phone', required: false },
  { header: 'cpf', field: 'cpf', required: false },
  { header: 've_todos', field: 'seesAllTickets', required: false },
  { header: 'consultoria', field: 'mayRequestConsulting', required: false },
  { header: 'administrador', field: 'isPortalAdmin', required: false },
] as const;

/**
 * The template as a file: semicolons and a byte-order mark, so that a spreadsheet in Brazil
 * opens it in columns and with its accents, and one example row to copy.
 */
export function csvTemplate(example: string[]): Blob {
  const lines = [csvColumns.map((c) => c.header).join(';'), example.map(quote).join(';')];
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

function quote(value: string): string {
  return /[;",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Saves a Blob under a file name through a temporary link. */
export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A CSV file's text. Spreadsheets on Windows still save CSV in Windows-1252: when the bytes are
 * not valid UTF-8, they are read as that instead of turning every accent into "�".
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
