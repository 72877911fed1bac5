/** Downloads for voter import: the per-row report of one import, and the template to fill in. */
import { eq } from 'drizzle-orm';
import { voterImport, type Db } from '@huanjie/db';
import { xlsxOf } from '../imports/export.ts';
import { voterImportTemplate, type VoterImportRowError } from './import.ts';

export interface ReportFile {
  readonly fileName: string;
  readonly electionId: number;
  readonly bytes: Uint8Array;
}

export async function voterImportReportXlsx(db: Db, importId: number): Promise<ReportFile | null> {
  const [row] = await db.select().from(voterImport).where(eq(voterImport.id, importId));
  if (!row) return null;
  const errors = row.errors as VoterImportRowError[];
  const bytes = await xlsxOf(
    '导入报告',
    ['行号', '姓名', '字段', '原因'],
    errors.map((e) => [e.row, e.name ?? '', e.field, e.message]),
  );
  const base = row.fileName.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-导入报告.xlsx`, electionId: row.electionId, bytes };
}

export async function voterTemplateXlsx(): Promise<Uint8Array> {
  return xlsxOf('选民名单', voterImportTemplate.headers, voterImportTemplate.examples);
}
