import writeXlsxFile from 'write-excel-file/universal';

/** Test-only: a real XLSX workbook with these sheets, cells as given (strings, numbers, dates). */
export async function workbook(
  sheets: readonly {
    readonly name: string;
    readonly rows: readonly (readonly (string | number | Date | null)[])[];
  }[],
): Promise<Uint8Array> {
  const blob = await writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name,
      data: s.rows.map((row) =>
        row.map((cell) =>
          cell === null
            ? null
            : cell instanceof Date
              ? { value: cell, type: Date, format: 'dd/mm/yyyy' }
              : typeof cell === 'number'
                ? { value: cell, type: Number }
                : { value: cell, type: String },
        ),
      ),
    })),
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
