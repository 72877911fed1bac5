/**
 * Reading a spreadsheet a township sends: CSV (UTF-8, or GBK as Excel exports it) or XLSX, into
 * header + rows of trimmed strings. Shared by every import (communities, voters …).
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { err, ok, type Result } from '@huanjie/domain';
import { userError, type UserErrorData } from '../errors.ts';

export interface Table {
  readonly headers: readonly string[];
  /** Data rows; `rowNumber` is the row as the user sees it in the file (header = 1). */
  readonly rows: readonly {
    readonly rowNumber: number;
    readonly cells: readonly string[];
    /** Columns (0-based) whose XLSX cell was a number too long to be exact: Excel keeps 15 digits. */
    readonly lossy?: ReadonlySet<number>;
  }[];
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export async function readTable(fileName: string, bytes: Uint8Array): Promise<Result<Table, UserErrorData>> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return err(userError('FILE_TOO_LARGE', `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，请拆分后分批导入`, 'file'));
  }
  const lower = fileName.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (lower.endsWith('.xlsx') || isZip) return readXlsx(bytes);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(bytes);
  return err(userError('UNSUPPORTED_FILE', `无法识别的文件类型：${fileName}，请上传 CSV 或 XLSX 文件`, 'file'));
}

/** UTF-8 when it decodes cleanly, otherwise GB18030 (a superset of GBK, what Excel writes in zh-CN). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readCsv(bytes: Uint8Array): Result<Table, UserErrorData> {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) return err(userError('UNSUPPORTED_FILE', '文件不是文本格式的 CSV，请检查文件', 'file'));
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    return err(userError('MALFORMED_CSV', `CSV 格式有误：${e instanceof Error ? e.message : String(e)}`, 'file'));
  }
  return toTable(records.map((cells, i) => ({ rowNumber: i + 1, cells })));
}

async function readXlsx(bytes: Uint8Array): Promise<Result<Table, UserErrorData>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return err(userError('MALFORMED_XLSX', 'XLSX 文件无法读取，请确认文件未损坏', 'file'));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return err(userError('EMPTY_FILE', '文件中没有工作表', 'file'));
  const rows: { rowNumber: number; cells: string[]; lossy?: Set<number> }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const lossy = new Set<number>();
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
      // An 18-digit ID number typed into a number cell: Excel kept 15 digits and zeroed the rest.
      if (typeof cell.value === 'number' && Math.abs(cell.value) >= 1e15) lossy.add(col - 1);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (c) => c ?? ''), ...(lossy.size > 0 ? { lossy } : {}) });
  });
  return toTable(rows);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

function toTable(records: { rowNumber: number; cells: readonly string[]; lossy?: ReadonlySet<number> }[]): Result<Table, UserErrorData> {
  const [header, ...rows] = records;
  if (!header) return err(userError('EMPTY_FILE', '文件是空的', 'file'));
  return ok({ headers: header.cells.map((h) => h.trim()), rows: rows.filter((r) => r.cells.some((c) => c !== '')) });
}

/**
 * Finds each wanted column by any of the names townships use for it.
 * Missing required columns are one error naming all of them.
 */
export function mapColumns<K extends string>(
  headers: readonly string[],
  columns: Readonly<Record<K, { readonly names: readonly string[]; readonly required: boolean }>>,
): Result<Record<K, number | null>, UserErrorData> {
  const found = {} as Record<K, number | null>;
  const missing: string[] = [];
  for (const key of Object.keys(columns) as K[]) {
    const spec = columns[key];
    const index = headers.findIndex((h) => spec.names.includes(h));
    found[key] = index >= 0 ? index : null;
    if (index < 0 && spec.required) missing.push(spec.names[0] ?? key);
  }
  if (missing.length > 0) {
    return err(userError('MISSING_COLUMNS', `缺少必需的列：${missing.join('、')}`, 'file'));
  }
  return ok(found);
}
