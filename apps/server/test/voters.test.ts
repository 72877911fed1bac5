/**
 * Voter registration (issue 4, rules.md C) through the real GraphQL API on a real database:
 * import with a per-row report, township-wide duplicates, publication, supplements, objections,
 * search, masking and the audited unmask, progress over a subscription, bad files.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '@huanjie/domain';
import { queryRows } from '@huanjie/db';
import { CREATE_COMMUNITY, createTestApp, type TestApp, type TestClient } from './harness.ts';

const enc = (text: string) => new TextEncoder().encode(text);
const HEADER = '姓名,性别,公民身份号码,村民小组,户号,住址,登记类别,批准情况,政治权利';
const id = (birth: string, seq: number) => makeResidentId('510181', birth, seq);
const ZHANG_SAN = id('1980-01-01', 11);
const LI = id('1985-02-02', 22);

const IMPORT = /* GraphQL */ `
  mutation($electionId: ID!, $file: File!, $uploadId: String) {
    importVoters(electionId: $electionId, file: $file, uploadId: $uploadId) {
      __typename
      ... on VoterImport { id rows imported rejected duplicates errorCount reportUrl errors { row name field message } }
      ... on Error { code message }
    }
  }`;

describe('voter registration', () => {
  let app: TestApp;
  let admin: TestClient;
  const election: Record<string, string> = {};

  const importFile = (client: TestClient, code: string, name: string, bytes: Uint8Array, uploadId?: string) =>
    client.upload(IMPORT, { electionId: election[code], file: null, uploadId }, { name, bytes, path: 'variables.file' });
  const registered = async () =>
    (await queryRows<{ n: number }>(app.database.db, sql`select count(*)::int as n from voter where status = 'registered'`))[0]!.n;

  beforeAll(async () => {
    app = await createTestApp('2026-11-25');
    admin = await app.signedIn();
    await admin.query(`mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: SICHUAN, electionDay: "2026-12-20" }) { __typename } }`);
    for (const [code, name] of [['V001', '龙凤村'], ['V002', '白玉村']] as const) {
      const res = await admin.query(CREATE_COMMUNITY, { input: { code, name, kind: 'VILLAGE', area: 'RURAL' } });
      election[code] = res.data.createCommunity.election.id;
      election[`${code}Community`] = res.data.createCommunity.id;
    }
  });
  afterAll(() => app.close());

  it('imports a roll with planted errors: each bad row rejected with its reason, the rest imported', async () => {
    const rows = [
      `张三,男,${ZHANG_SAN},一组,01-001,龙凤村一组1号,1,,`,
      `李秀英,女,${LI},二组,02-013,龙凤村二组13号,3,2026-11-10 村民代表会议同意,`,
      `王五,男,  ${id('1970-05-05', 33).toLowerCase()}  ,一组,,,2,,`, // spaces and lower-case x are fine
      `赵六,男,${wrongCheck(id('1970-05-05', 35))},一组,,,1,,`,
      `钱七,男,510181700505035,一组,,,1,,`, // 15-digit legacy
      `孙八,男,${makeResidentId('510181', '1970-02-28', 37).replace('19700228', '19700230')},一组,,,1,,`, // no such date
      `周九,女,${id('1975-03-03', 41)},一组,,,1,,`, // sex contradicts the ID (odd = male)
      `吴十,男,${id('2009-01-01', 43)},一组,,,1,,`, // 17 on election day
      `郑一,男,${id('1960-06-06', 45)},一组,,,3,,`, // category 3 without approval
      `冯二,男,${id('1961-07-07', 47)},一组,,,1,,被剥夺政治权利`,
      `,男,${id('1962-08-08', 49)},一组,,,1,,`, // no name
      `陈三,未知,${id('1963-09-09', 51)},一组,,,1,,`, // sex unreadable
      `张三,男,${ZHANG_SAN},一组,01-001,龙凤村一组1号,1,,`, // same person twice in the file
    ];
    const res = await importFile(admin, 'V001', 'roll.csv', enc([HEADER, ...rows].join('\n')));
    const report = res.data.importVoters;
    expect(report.__typename).toBe('VoterImport');
    expect(report).toMatchObject({ rows: 13, imported: 3, duplicates: 1, rejected: 9 });
    const byRow = new Map<number, { field: string; message: string }[]>();
    for (const e of report.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
    expect(byRow.get(5)?.[0]).toMatchObject({ field: '公民身份号码', message: expect.stringContaining('校验码错误') });
    expect(byRow.get(6)?.[0]?.message).toBe('15 位旧身份证号码，请换成 18 位号码');
    expect(byRow.get(7)?.[0]?.message).toContain('出生日期无效');
    expect(byRow.get(8)?.[0]).toMatchObject({ field: '性别', message: '性别与身份证号码不符：号码显示为男' });
    expect(byRow.get(9)?.[0]?.message).toContain('未满 18 周岁');
    expect(byRow.get(10)?.[0]).toMatchObject({ field: '批准情况' });
    expect(byRow.get(11)?.[0]).toMatchObject({ field: '政治权利', message: '依法被剥夺政治权利的人不能登记' });
    expect(byRow.get(12)?.[0]).toMatchObject({ field: '姓名', message: '姓名为空' });
    expect(byRow.get(13)?.[0]?.message).toContain('无法识别');
    expect(byRow.get(14)?.[0]).toMatchObject({ name: '张三', field: '公民身份号码', message: '与第 2 行的公民身份号码重复' });
    expect(await registered()).toBe(3);

    // The same report downloads as XLSX.
    const download = await app.yoga.fetch(`http://localhost${report.reportUrl}`, {
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(download.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await download.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '姓名', '字段', '原因']);
    expect(sheet.rowCount).toBe(1 + report.errorCount);
    expect(sheet.getRow(2).getCell(4).value).toContain('校验码错误');
    // Not for strangers.
    expect((await app.yoga.fetch(`http://localhost${report.reportUrl}`)).status).toBe(401);
  });

  it('neutralises formulas planted in cells before they reach a downloaded report', async () => {
    const res = await importFile(admin, 'V001', 'evil.csv', enc(`${HEADER}\n"=HYPERLINK(""http://x"",""点我"")",男,123,一组,,,1,,`));
    const report = res.data.importVoters;
    const download = await app.yoga.fetch(`http://localhost${report.reportUrl}`, {
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await download.arrayBuffer());
    const cell = book.worksheets[0]!.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'=HYPERLINK("http://x","点我")`);
  });

  it('catches a person already registered in another community, shows both, and lets the committee decide', async () => {
    const res = await importFile(admin, 'V002', 'baiyu.csv', enc(`${HEADER}\n张三,男,${ZHANG_SAN},三组,,白玉村三组,1,,\n刘一,女,${id('1990-10-10', 62)},三组,,,1,,`));
    expect(res.data.importVoters).toMatchObject({ imported: 1, duplicates: 1, rejected: 0 });
    expect(res.data.importVoters.errors[0]).toMatchObject({ row: 2, message: '此人已在龙凤村登记（一人只能在一处登记）' });
    const dups = await admin.query(
      `query($e: ID!) { voterDuplicates(electionId: $e) { id rowNumber name residentId group existing { communityName name group serial residentId } } }`,
      { e: election.V002 },
    );
    const [dup] = dups.data.voterDuplicates;
    const count = await admin.query(`query($e: ID!) { voterDuplicateCount(electionId: $e) }`, { e: election.V002 });
    expect(count.data.voterDuplicateCount).toBe(1);
    expect(dup).toMatchObject({
      rowNumber: 2,
      name: '张三',
      group: '三组',
      residentId: `${ZHANG_SAN.slice(0, 6)}********${ZHANG_SAN.slice(-4)}`,
      existing: { communityName: '龙凤村', name: '张三', group: '一组', serial: 'V001-00000001' },
    });
    // The database refuses a second registration even if code forgot to check.
    await expect(
      app.database.db.execute(sql`insert into voter (election_id, cycle_id, community_id, serial, name, sex, resident_id, birth_date, category)
        select election_id, cycle_id, community_id, 'V002-99999999', name, sex, resident_id, birth_date, category from voter where resident_id = ${ZHANG_SAN}`),
    ).rejects.toThrow();

    const decide = await admin.query(
      `mutation($d: ID!) { decideVoterDuplicate(duplicateId: $d, decision: REPLACE, reason: "本人常住白玉村，申请在白玉村登记") { __typename ... on VoterDuplicate { status } ... on Error { code message } } }`,
      { d: dup.id },
    );
    expect(decide.data.decideVoterDuplicate).toEqual({ __typename: 'VoterDuplicate', status: 'MOVED' });
    const where = await queryRows<{ code: string; status: string }>(
      app.database.db,
      sql`select c.code, v.status from voter v join community c on c.id = v.community_id where v.resident_id = ${ZHANG_SAN} order by v.id`,
    );
    expect(where).toEqual([{ code: 'V001', status: 'removed' }, { code: 'V002', status: 'registered' }]);
  });

  it('finds voters by name, pinyin initials and the last digits of the ID, paged on the server', async () => {
    const search = async (s: string) =>
      (await admin.query(`query($e: ID!, $s: String) { voters(electionId: $e, search: $s, first: 10) { totalCount edges { node { name residentId } } } }`, { e: election.V001, s })).data.voters;
    expect((await search('lxy')).edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['李秀英']);
    expect((await search('秀')).totalCount).toBe(1);
    expect((await search(LI.slice(-4))).edges[0].node.name).toBe('李秀英');
    const all = await search('');
    expect(all.totalCount).toBe(2); // 张三 moved to 白玉村
    for (const e of all.edges) expect(e.node.residentId).toMatch(/^\d{6}\*{8}[0-9X]{4}$/);
    const byInitials = await admin.query(`query($e: ID!) { voters(electionId: $e, search: "zs") { totalCount } }`, { e: election.V002 });
    expect(byInitials.data.voters.totalCount).toBe(1);
  });

  it('shows full ID numbers only to roles with the unmask scope, and audits every unmask', async () => {
    const created = await admin.query(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { __typename ... on Error { message } } }`, {
      input: { username: 'clerk9', displayName: '录入员', password: 'clerk-password-9', role: 'CLERK', communityIds: [election.V001Community] },
    });
    expect(created.data.createAccount).toEqual({ __typename: 'Account' });
    const v = await admin.query(`query($e: ID!) { voters(electionId: $e, search: "lxy") { edges { node { id } } } }`, { e: election.V001 });
    const voterId = v.data.voters.edges[0].node.id;
    const reveal = `mutation($v: ID!) { revealResidentId(voterId: $v) { __typename ... on RevealedResidentId { residentId } } }`;
    expect((await admin.query(reveal, { v: voterId })).data.revealResidentId.residentId).toBe(LI);
    const clerk = await app.signedIn('clerk9', 'clerk-password-9');
    const refused = await clerk.query(reveal, { v: voterId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await queryRows<{ n: number }>(app.database.db, sql`select count(*)::int as n from audit_event where operation = 'revealResidentId'`);
    expect(audit[0]!.n).toBe(1);
  });

  it('publishes a frozen list with its SHA-256 and never an ID number; later changes need a reason and are supplements', async () => {
    const pub = await admin.query(
      `mutation($e: ID!) { publishVoterList(electionId: $e) { __typename ... on VoterListVersion { version publishedOn sha256 voterCount onTime publishedBy entries { serial name sex group } } } }`,
      { e: election.V001 },
    );
    const version = pub.data.publishVoterList;
    expect(version).toMatchObject({ version: 1, publishedOn: '2026-11-25', voterCount: 2, onTime: true, publishedBy: expect.any(String) });
    const canonical = version.entries.map((e: { serial: string; name: string; sex: string; group: string }) => ({ ...e, sex: e.sex === 'MALE' ? 'M' : 'F' }));
    expect(version.sha256).toBe(createHash('sha256').update(JSON.stringify(canonical)).digest('hex'));
    expect(JSON.stringify(version)).not.toContain(LI.slice(0, 10));

    const input = { name: '何小明', sex: '男', residentId: id('2008-12-01', 71), group: '一组' };
    const add = `mutation($e: ID!, $i: VoterInput!, $r: String) { registerVoter(electionId: $e, input: $i, reason: $r) { __typename ... on Voter { serial } ... on Error { code message } } }`;
    const noReason = await admin.query(add, { e: election.V001, i: input });
    expect(noReason.data.registerVoter).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(await registered()).toBe(4);
    const added = await admin.query(add, { e: election.V001, i: input, r: '选举日前年满 18 周岁' });
    expect(added.data.registerVoter).toEqual({ __typename: 'Voter', serial: 'V001-00000004' });
    const supplements = await admin.query(`query($e: ID!) { voterListSupplements(electionId: $e) { kind reason afterVersion voter { name } } }`, { e: election.V001 });
    expect(supplements.data.voterListSupplements).toEqual([{ kind: 'ADD', reason: '选举日前年满 18 周岁', afterVersion: 1, voter: { name: '何小明' } }]);
  });

  it('records objections, flags those undecided after 3 days on the overview, and publishes decisions', async () => {
    const file = await admin.query(
      `mutation($e: ID!) { fileObjection(electionId: $e, input: { complainant: "刘大", subjectName: "刘小", kind: OMISSION, content: "刘小户籍在本村，名单漏登" }) { __typename ... on VoterObjection { id decideBy late overdue } ... on Error { code message } } }`,
      { e: election.V001 },
    );
    const objection = file.data.fileObjection;
    expect(objection).toMatchObject({ decideBy: '2026-11-28', late: false, overdue: false });
    const overdue = async () =>
      (await admin.query(`{ overview { rows { community { code } election { overdueObjections } } } }`)).data.overview.rows.find(
        (r: { community: { code: string } }) => r.community.code === 'V001',
      ).election.overdueObjections;
    expect(await overdue()).toBe(0);
    app.clock.set('2026-11-29');
    expect(await overdue()).toBe(1);
    const publishEarly = await admin.query(`mutation($o: ID!) { publishObjectionDecision(objectionId: $o) { __typename ... on Error { code } } }`, { o: objection.id });
    expect(publishEarly.data.publishObjectionDecision).toEqual({ __typename: 'UserError', code: 'NOT_DECIDED' });
    const decided = await admin.query(
      `mutation($o: ID!) { decideObjection(objectionId: $o, upheld: true, decision: "申诉成立，予以补登") { __typename ... on VoterObjection { upheld decidedOn } } }`,
      { o: objection.id },
    );
    expect(decided.data.decideObjection).toMatchObject({ upheld: true, decidedOn: '2026-11-29' });
    expect(await overdue()).toBe(0);
    const published = await admin.query(`mutation($o: ID!) { publishObjectionDecision(objectionId: $o) { __typename ... on VoterObjection { decisionPublishedOn } } }`, { o: objection.id });
    expect(published.data.publishObjectionDecision.decisionPublishedOn).toBe('2026-11-29');
    app.clock.set('2026-11-25');
  });

  it('reports import progress through a subscription', async () => {
    const uploadId = `u-${Date.now()}`;
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const stream = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', cookie },
      body: JSON.stringify({ query: `subscription($u: String!) { importProgress(uploadId: $u) { phase done total } }`, variables: { u: uploadId } }),
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    const phases: string[] = [];
    const reading = (async () => {
      let buffer = '';
      while (!phases.includes('done')) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (const m of buffer.matchAll(/"phase":"(\w+)"/g)) if (!phases.includes(m[1]!)) phases.push(m[1]!);
      }
      await reader.cancel();
    })();
    await new Promise((r) => setTimeout(r, 50));
    const fixed = Array.from(
      { length: 6000 },
      (_, i) => `甲${i},${i % 2 ? '男' : '女'},${makeResidentId('510182', `19${50 + Math.floor(i / 1000)}-01-01`, i % 1000)},一组,,,1,,`,
    );
    const res = await importFile(admin, 'V002', 'big.csv', enc([HEADER, ...fixed].join('\n')), uploadId);
    expect(res.data.importVoters).toMatchObject({ rows: 6000, imported: 6000 });
    await reading;
    expect(phases).toEqual(['reading', 'checking', 'saving', 'done']);
  });

  it('refuses bad files with a clear message and imports nothing', async () => {
    const before = await registered();
    const png = await importFile(admin, 'V001', 'photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    expect(png.data.importVoters).toMatchObject({ code: 'UNSUPPORTED_FILE' });
    const missing = await importFile(admin, 'V001', 'roll.csv', enc(`姓名,住址\n张三,一组`));
    expect(missing.data.importVoters.code).toBe('MISSING_COLUMNS');
    expect(missing.data.importVoters.message).toContain('性别');
    // GBK, as Excel in zh-CN saves CSV.
    const gbk = Buffer.from(new Uint8Array(iconvGbk(`${HEADER}\n郭靖,男,${id('1975-04-04', 81)},五组,,,1,,`)));
    const fromGbk = await importFile(admin, 'V001', 'gbk.csv', gbk);
    expect(fromGbk.data.importVoters).toMatchObject({ imported: 1 });
    const names = await queryRows<{ name: string }>(app.database.db, sql`select name from voter where resident_id = ${id('1975-04-04', 81)}`);
    expect(names).toEqual([{ name: '郭靖' }]);
    // 200 MB never reaches the importer.
    const huge = await app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(200 * 1024 * 1024) }, body: 'x' });
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].extensions.code).toBe('FILE_TOO_LARGE');
    // A chunked body declares no length: it is counted as it streams and refused past 60 MB.
    const megabyte = new Uint8Array(1024 * 1024).fill(0x78);
    let sent = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 61) controller.enqueue(megabyte);
        else controller.close();
      },
    });
    const streamed = await app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).errors[0]).toMatchObject({ extensions: { code: 'FILE_TOO_LARGE' }, message: expect.stringContaining('60 MB') });
    expect(await registered()).toBe(before + 1);
  });

  it('says plainly when Excel stored an ID number as a number and lost its last digits', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('选民');
    sheet.addRow(['姓名', '性别', '公民身份号码']);
    sheet.addRow(['唐一', '男', Number(id('1966-06-06', 91))]); // what Excel does to a typed number
    sheet.addRow(['唐二', '男', id('1966-06-07', 93)]);
    const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
    const res = await importFile(admin, 'V001', 'excel.xlsx', bytes);
    expect(res.data.importVoters).toMatchObject({ rows: 2, imported: 1, rejected: 1 });
    expect(res.data.importVoters.errors).toEqual([
      { row: 2, name: '唐一', field: '公民身份号码', message: '身份证号码在 Excel 中被存成了数字，末几位已变成 0；请把该列设为“文本”格式后重新填写号码' },
    ]);
  });

  it('serves the import template as XLSX with the headers townships use', async () => {
    const res = await app.yoga.fetch('http://localhost/downloads/voter-import-template.xlsx');
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, '姓名', '性别', '公民身份号码', '村民小组', '户号', '住址', '登记类别', '批准情况']);
  });
});

function wrongCheck(valid: string): string {
  return `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
}

/** GBK bytes via the platform's encoder-free route: TextDecoder can read GBK but not write it. */
function iconvGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  // Build the needed characters' codes by scanning the GBK double-byte range once.
  const needed = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  for (let hi = 0x81; hi <= 0xfe && table.size < needed.size; hi += 1) {
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (needed.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const c of text) out.push(...(table.get(c) ?? [c.charCodeAt(0)]));
  return new Uint8Array(out);
}
