/**
 * Import communities and their groups from a spreadsheet, one row per group:
 * 社区代码, 社区名称, 类型 (村/居), 区域 (场镇/农村), 小组, 户数, 人口.
 * Bad rows are reported (row, column, reason) and skipped; the good rows go in, in one transaction
 * with one audit event.
 */
import { and, eq } from 'drizzle-orm';
import { ok, type Result } from '@huanjie/domain';
import { community, communityGroup, type Executor } from '@huanjie/db';
import type { Context } from '../context.ts';
import type { UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { mapColumns, readTable } from '../imports/table.ts';
import { insertCommunity } from './service.ts';
import { checkCode, checkName, parseArea, parseKind } from './validate.ts';

export interface ImportRowError {
  readonly row: number;
  readonly field: string | null;
  readonly message: string;
}

export interface ImportReport {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly rejected: number;
  readonly errors: readonly ImportRowError[];
}

const columns = {
  code: { names: ['社区代码', '代码', '村(居)代码', '编码'], required: true },
  name: { names: ['社区名称', '名称', '村(居)名称', '社区'], required: true },
  kind: { names: ['类型', '村/居', '委员会类型'], required: true },
  area: { names: ['区域', '场镇/农村', '地域'], required: true },
  group: { names: ['小组', '村(居)民小组', '村民小组', '居民小组', '组'], required: false },
  households: { names: ['户数'], required: false },
  population: { names: ['人口', '人口数', '总人口'], required: false },
} as const;

export const communityImportTemplate = {
  headers: ['社区代码', '社区名称', '类型', '区域', '小组', '户数', '人口'],
  examples: [
    ['510181103001', '白玉社区', '居', '场镇', '一组', '120', '356'],
    ['510181103002', '龙凤村', '村', '农村', '一组', '86', '270'],
  ],
} as const;

export async function importCommunities(
  ctx: Pick<Context, 'db' | 'actor' | 'clock'>,
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<ImportReport, UserErrorData>> {
  const table = await readTable(fileName, bytes);
  if (!table.ok) return table;
  const mapped = mapColumns(table.value.headers, columns);
  if (!mapped.ok) return mapped;
  const col = mapped.value;
  const cell = (cells: readonly string[], index: number | null) => (index === null ? '' : (cells[index] ?? '').trim());

  return mutate(ctx, async (tx) => {
    const errors: ImportRowError[] = [];
    let created = 0;
    let updated = 0;
    const byCode = new Map<string, number>();
    for (const { rowNumber, cells } of table.value.rows) {
      const reject = (field: string, message: string) => errors.push({ row: rowNumber, field, message });
      const code = checkCode(cell(cells, col.code));
      if (!code.ok) { reject('社区代码', code.error.message); continue; }
      const name = checkName(cell(cells, col.name), 'name', '社区名称');
      if (!name.ok) { reject('社区名称', name.error.message); continue; }
      const kind = parseKind(cell(cells, col.kind));
      if (!kind) { reject('类型', `类型“${cell(cells, col.kind)}”无法识别，应为“村”或“居”`); continue; }
      const area = parseArea(cell(cells, col.area));
      if (!area) { reject('区域', `区域“${cell(cells, col.area)}”无法识别，应为“场镇”或“农村”`); continue; }
      const groupName = cell(cells, col.group);
      const households = parseCount(cell(cells, col.households));
      const population = parseCount(cell(cells, col.population));
      if (groupName && households === null) { reject('户数', `户数“${cell(cells, col.households)}”不是非负整数`); continue; }
      if (groupName && population === null) { reject('人口', `人口“${cell(cells, col.population)}”不是非负整数`); continue; }

      let communityId = byCode.get(code.value);
      if (communityId === undefined) {
        const [existing] = await tx.select().from(community).where(eq(community.code, code.value)).limit(1);
        if (existing) {
          if (existing.name !== name.value) {
            reject('社区名称', `社区代码 ${code.value} 已属于“${existing.name}”，与本行的“${name.value}”不一致`);
            continue;
          }
          communityId = existing.id;
        } else {
          const inserted = await insertCommunity(tx, { code: code.value, name: name.value, kind, area });
          if (!inserted.ok) { reject('社区代码', inserted.error.message); continue; }
          communityId = inserted.value.id;
          created += 1;
        }
        byCode.set(code.value, communityId);
      }
      if (!groupName) continue;
      const [group] = await tx
        .select()
        .from(communityGroup)
        .where(and(eq(communityGroup.communityId, communityId), eq(communityGroup.name, groupName)))
        .limit(1);
      if (group) {
        await tx.update(communityGroup).set({ households: households ?? 0, population: population ?? 0 }).where(eq(communityGroup.id, group.id));
        updated += 1;
      } else {
        const number = groupNumber(groupName) ?? (await nextNumber(tx, communityId));
        const clash = await tx
          .select({ id: communityGroup.id })
          .from(communityGroup)
          .where(and(eq(communityGroup.communityId, communityId), eq(communityGroup.number, number)));
        await tx.insert(communityGroup).values({
          communityId,
          number: clash.length > 0 ? await nextNumber(tx, communityId) : number,
          name: groupName,
          households: households ?? 0,
          population: population ?? 0,
        });
        created += 1;
      }
    }
    const report: ImportReport = {
      rows: table.value.rows.length,
      created,
      updated,
      rejected: errors.length,
      errors,
    };
    return ok({
      value: report,
      audit: { operation: 'importCommunities', entityType: 'community', entityId: null, before: null, after: { fileName, ...report, errors: errors.length } },
    });
  });
}

function parseCount(raw: string): number | null {
  if (raw === '') return 0;
  if (!/^\d{1,7}$/.test(raw.replace(/,/g, ''))) return null;
  return Number(raw.replace(/,/g, ''));
}

const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** '3组', '三组', '第十二组' → 3, 3, 12. */
export function groupNumber(name: string): number | null {
  const arabic = /(\d+)/.exec(name);
  if (arabic) return Number(arabic[1]);
  const m = /([一二三四五六七八九十]+)/.exec(name);
  if (!m || !m[1]) return null;
  const s = m[1];
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (chineseDigits[s[1] ?? ''] ?? 0);
  if (s.includes('十')) {
    const [tens, ones] = s.split('十');
    return (chineseDigits[tens ?? ''] ?? 0) * 10 + (ones ? (chineseDigits[ones] ?? 0) : 0);
  }
  return chineseDigits[s] ?? null;
}

async function nextNumber(tx: Executor, communityId: number): Promise<number> {
  const rows = await tx.select({ n: communityGroup.number }).from(communityGroup).where(eq(communityGroup.communityId, communityId));
  return rows.reduce((m, r) => Math.max(m, r.n), 0) + 1;
}

