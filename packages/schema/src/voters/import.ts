/**
 * Import a voter roll (选民登记) into one community's election: every row checked against the law
 * in domain (C1–C3), then staged and checked set-based in SQL for duplicates across the file, the
 * community and the whole township (C4), and inserted in one statement. A rejected or duplicate row
 * never stops the rest; each is reported with its row number, column and zh-CN reason.
 */
import { eq, sql } from 'drizzle-orm';
import { checkVoterRow, ok, pinyinInitials, err, type CheckedVoter, type Result, type VoterField } from '@huanjie/domain';
import { community, election, queryRows, voterImport, type Tx } from '@huanjie/db';
import type { Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import type { ImportProgressEvent } from '../events.ts';
import { mapColumns, readTable } from '../imports/table.ts';

export type VoterImportProgress = ImportProgressEvent;

export interface VoterImportRowError {
  readonly row: number;
  /** The name as the file gave it, so the report can be read without the file beside it. */
  readonly name: string;
  readonly field: string;
  readonly message: string;
}

export interface VoterImportSummary {
  readonly importId: number;
  readonly rows: number;
  readonly imported: number;
  readonly rejected: number;
  readonly duplicates: number;
  readonly errors: readonly VoterImportRowError[];
}

export const voterColumns = {
  name: { names: ['姓名', '名字'], required: true },
  sex: { names: ['性别'], required: true },
  residentId: { names: ['公民身份号码', '身份证号', '身份证号码', '身份证'], required: true },
  groupName: { names: ['村民小组', '居民小组', '小组', '组别', '村(居)民小组'], required: false },
  householdNo: { names: ['户号', '户编号'], required: false },
  address: { names: ['住址', '地址', '家庭住址'], required: false },
  category: { names: ['登记类别', '类别'], required: false },
  approval: { names: ['批准情况', '同意情况', '会议同意'], required: false },
  politicalRights: { names: ['政治权利'], required: false },
} as const;

export const voterImportTemplate = {
  headers: ['姓名', '性别', '公民身份号码', '村民小组', '户号', '住址', '登记类别', '批准情况'],
  examples: [
    ['张三', '男', '510181198001010016', '一组', '01-001', '龙凤社区一组 1 号', '1', ''],
    ['李秀英', '女', '51018119850202002X', '二组', '02-013', '龙凤社区二组 13 号', '3', '2026-11-10 村民代表会议同意'],
  ],
} as const;

const fieldLabels: Record<VoterField, string> = {
  name: '姓名',
  sex: '性别',
  residentId: '公民身份号码',
  category: '登记类别',
  approval: '批准情况',
  politicalRights: '政治权利',
  age: '公民身份号码',
};

const CHUNK = 5000;

const ID_STORED_AS_NUMBER = '身份证号码在 Excel 中被存成了数字，末几位已变成 0；请把该列设为“文本”格式后重新填写号码';

export async function importVoters(
  ctx: Pick<Context, 'db' | 'actor' | 'clock'>,
  electionId: number,
  fileName: string,
  bytes: Uint8Array,
  onProgress: (p: VoterImportProgress) => void = () => {},
): Promise<Result<VoterImportSummary, UserErrorData>> {
  const [target] = await ctx.db
    .select({ id: election.id, cycleId: election.cycleId, communityId: election.communityId, electionDay: election.electionDay, code: community.code })
    .from(election)
    .innerJoin(community, eq(community.id, election.communityId))
    .where(eq(election.id, electionId));
  if (!target) return err(userError('NOT_FOUND', '选举不存在', 'electionId'));

  onProgress({ phase: 'reading', done: 0, total: 0 });
  const table = await readTable(fileName, bytes);
  if (!table.ok) return table;
  const mapped = mapColumns(table.value.headers, voterColumns);
  if (!mapped.ok) return mapped;
  const col = mapped.value;
  const rows = table.value.rows;
  const total = rows.length;
  if (total === 0) return err(userError('EMPTY_FILE', '文件中没有数据行', 'file'));

  // Domain checks, row by row (C1–C3).
  const errors: VoterImportRowError[] = [];
  const valid: { row: number; voter: CheckedVoter; pinyin: string }[] = [];
  const cell = (cells: readonly string[], i: number | null) => (i === null ? '' : (cells[i] ?? ''));
  for (let i = 0; i < total; i += 1) {
    if (i > 0 && i % CHUNK === 0) onProgress({ phase: 'checking', done: i, total });
    const { rowNumber, cells, lossy } = rows[i]!;
    if (col.residentId !== null && lossy?.has(col.residentId)) {
      // The check digit would fail too, but the cause is the spreadsheet, not the person.
      errors.push({ row: rowNumber, name: cell(cells, col.name), field: '公民身份号码', message: ID_STORED_AS_NUMBER });
      continue;
    }
    const checked = checkVoterRow(
      {
        name: cell(cells, col.name),
        sex: cell(cells, col.sex),
        residentId: cell(cells, col.residentId),
        groupName: cell(cells, col.groupName),
        householdNo: cell(cells, col.householdNo),
        address: cell(cells, col.address),
        category: cell(cells, col.category),
        approval: cell(cells, col.approval),
        politicalRights: cell(cells, col.politicalRights),
      },
      target.electionDay,
    );
    if (checked.ok) valid.push({ row: rowNumber, voter: checked.voter, pinyin: pinyinInitials(checked.voter.name) });
    else for (const e of checked.errors) errors.push({ row: rowNumber, name: cell(cells, col.name), field: fieldLabels[e.field], message: e.reason });
  }
  const rejected = new Set(errors.map((e) => e.row)).size;
  onProgress({ phase: 'saving', done: 0, total: valid.length });

  const result = await mutate(ctx, async (tx) => {
    const [record] = await tx
      .insert(voterImport)
      .values({ electionId, fileName, rows: total, imported: 0, rejected, duplicates: 0, errors: [], actorId: ctx.actor?.id ?? null })
      .returning({ id: voterImport.id });
    const importId = record!.id;
    await stage(tx, valid, (done) => onProgress({ phase: 'saving', done, total: valid.length }));
    const duplicateErrors = await recordDuplicates(tx, importId, target);
    const imported = await insertVoters(tx, importId, target);
    // Duplicates within the file: shown beside the registration their first row just became.
    await tx.execute(sql`
      update voter_duplicate d set existing_voter_id = v.id
      from voter v
      where d.import_id = ${importId} and d.existing_voter_id is null
        and v.cycle_id = ${target.cycleId} and v.resident_id = d.resident_id and v.status = 'registered'`);
    const allErrors = [...errors, ...duplicateErrors].sort((a, b) => a.row - b.row);
    const summary: VoterImportSummary = { importId, rows: total, imported, rejected, duplicates: duplicateErrors.length, errors: allErrors };
    await tx
      .update(voterImport)
      .set({ imported, duplicates: summary.duplicates, errors: allErrors })
      .where(eq(voterImport.id, importId));
    return ok({
      value: summary,
      audit: {
        operation: 'importVoters',
        entityType: 'election',
        entityId: electionId,
        before: null,
        after: { importId, fileName, rows: total, imported, rejected, duplicates: summary.duplicates },
      },
    });
  });
  if (result.ok) onProgress({ phase: 'done', done: total, total });
  return result;
}

/** The checked rows into a temporary staging table, many rows per statement (unnest of arrays). */
async function stage(tx: Tx, valid: readonly { row: number; voter: CheckedVoter; pinyin: string }[], progress: (done: number) => void) {
  await tx.execute(sql`
    create temp table voter_staging (
      row_number int not null, name text not null, sex text not null, resident_id text not null,
      birth_date date not null, group_name text not null, household_no text not null, address text not null,
      category text not null, approval text not null, pinyin text not null
    ) on commit drop`);
  for (let start = 0; start < valid.length; start += CHUNK) {
    // One JSON parameter per chunk: a single bind value, whatever the number of rows.
    const part = JSON.stringify(
      valid.slice(start, start + CHUNK).map(({ row, voter: v, pinyin }) => ({
        row_number: row, name: v.name, sex: v.sex, resident_id: v.residentId, birth_date: v.birthDate,
        group_name: v.groupName, household_no: v.householdNo, address: v.address, category: v.category,
        approval: v.approval, pinyin,
      })),
    );
    await tx.execute(sql`
      insert into voter_staging
      select * from jsonb_to_recordset(${part}::jsonb) as x(
        row_number int, name text, sex text, resident_id text, birth_date date, group_name text,
        household_no text, address text, category text, approval text, pinyin text)`);
    progress(Math.min(start + CHUNK, valid.length));
  }
  await tx.execute(sql`create index on voter_staging (resident_id)`);
  await tx.execute(sql`analyze voter_staging`);
}

interface Target {
  readonly id: number;
  readonly cycleId: number;
  readonly communityId: number;
  readonly code: string;
}

/**
 * C4 — VCOL Art. 13: one registration per person. A row is a duplicate when the same ID number
 * appears earlier in the file, or is already registered in this cycle, in this community or in
 * another community of the township. Duplicates are kept for a decision, not imported.
 */
async function recordDuplicates(tx: Tx, importId: number, target: Target): Promise<VoterImportRowError[]> {
  const rows = await queryRows<{ row_number: number; name: string; first_row: number | null; community_name: string | null; same_community: boolean | null }>(
    tx,
    sql`
    with ranked as (
      select s.*, min(row_number) over (partition by resident_id) as first_row from voter_staging s
    ), dup as (
      select r.*, v.id as existing_id, v.community_id as existing_community
      from ranked r
      left join voter v on v.cycle_id = ${target.cycleId} and v.resident_id = r.resident_id and v.status = 'registered'
      where r.row_number > r.first_row or v.id is not null
    ), saved as (
      insert into voter_duplicate (import_id, election_id, row_number, name, sex, resident_id, birth_date,
        group_name, household_no, address, category, approval, existing_voter_id)
      select ${importId}, ${target.id}, row_number, name, sex, resident_id, birth_date, group_name, household_no,
        address, category, approval, existing_id
      from dup
      returning row_number
    )
    select d.row_number, d.name, case when d.existing_id is null then d.first_row end as first_row,
      c.name as community_name, d.existing_community = ${target.communityId} as same_community
    from dup d left join community c on c.id = d.existing_community
    order by d.row_number`,
  );
  await tx.execute(sql`
    delete from voter_staging s using voter_duplicate d
    where d.import_id = ${importId} and d.row_number = s.row_number`);
  return rows.map((r) => ({
    row: r.row_number,
    name: r.name,
    field: '公民身份号码',
    message:
      r.community_name === null
        ? `与第 ${r.first_row} 行的公民身份号码重复`
        : r.same_community
          ? '此人已在本社区登记'
          : `此人已在${r.community_name}登记（一人只能在一处登记）`,
  }));
}

/** The rest in one statement, numbered for their voter certificates (serial = code-00000001 …). */
async function insertVoters(tx: Tx, importId: number, target: Target): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`
    with base as (
      select coalesce(max(substring(serial from '[0-9]+$')::int), 0) as n
      from voter where cycle_id = ${target.cycleId} and community_id = ${target.communityId}
    ), inserted as (
      insert into voter (election_id, cycle_id, community_id, serial, name, sex, resident_id, birth_date,
        group_name, household_no, address, category, approval, pinyin, import_id)
      select ${target.id}, ${target.cycleId}, ${target.communityId},
        ${target.code} || '-' || to_char(base.n + row_number() over (order by s.row_number), 'FM00000000'),
        s.name, s.sex, s.resident_id, s.birth_date, s.group_name, s.household_no, s.address, s.category,
        s.approval, s.pinyin, ${importId}
      from voter_staging s cross join base
      returning 1
    )
    select count(*)::int as n from inserted`,
  );
  return rows[0]?.n ?? 0;
}
