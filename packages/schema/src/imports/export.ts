/**
 * Spreadsheets we hand back to users (reports, templates). Cells come from uploaded files, so a
 * cell starting with = + - @ (or a tab/CR) is prefixed with an apostrophe: opened in Excel or WPS
 * it stays text and never runs as a formula (OWASP "CSV injection").
 */
import ExcelJS from 'exceljs';

export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function xlsxOf(sheetName: string, headers: readonly string[], rows: readonly (readonly (string | number)[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? neutralizeFormula(c) : c)));
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  // ID numbers must stay text: 18 digits do not survive as numbers.
  for (let c = 1; c <= headers.length; c += 1) sheet.getColumn(c).numFmt = '@';
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
