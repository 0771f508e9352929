import { describe, expect, it } from 'vitest';
import { csvColumns, csvTemplate, readCsvFile } from './csv';

describe('contacts CSV', () => {
  it('offers a template with a byte-order mark, the headers the server reads and a quoted example', async () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csvTemplate(['Silva; Maria', 'maria@empresa.example', '', '', 'sim', 'não', 'não']).arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, example] = text.slice(1).split('\r\n');
    expect(header).toBe(csvColumns.map((c) => c.header).join(';'));
    expect(example).toBe('"Silva; Maria";maria@empresa.example;;;sim;não;não');
  });

  it('reads UTF-8, and falls back to Windows-1252 as spreadsheets on Windows save it', async () => {
    expect(await readCsvFile(new Blob([new TextEncoder().encode('nome\nJoão')]))).toBe('nome\nJoão');
    // "João" in Windows-1252: ã is the single byte 0xE3, not valid UTF-8.
    expect(await readCsvFile(new Blob([new Uint8Array([0x4a, 0x6f, 0xe3, 0x6f])]))).toBe('João');
  });
});
