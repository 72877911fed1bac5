/** Spreadsheets handed back to users: text that looks like a formula stays text (CSV injection). */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, xlsxOf } from '../src/imports/export.ts';

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (value) => {
    expect(neutralizeFormula(value)).toBe(`'${value}`);
  });

  it.each(['张三', '510181198001010016', '一组', ''])('leaves %j alone', (value) => {
    expect(neutralizeFormula(value)).toBe(value);
  });
});

describe('xlsxOf', () => {
  it('writes headers and rows as text cells, numbers as numbers', async () => {
    const bytes = await xlsxOf('报告', ['行号', '姓名'], [[2, '=HYPERLINK("http://x")'], [3, '李四']]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('报告')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '姓名']);
    expect(sheet.getRow(2).getCell(1).value).toBe(2);
    expect(sheet.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://x")`);
    expect(sheet.getRow(3).getCell(2).value).toBe('李四');
  });
});
