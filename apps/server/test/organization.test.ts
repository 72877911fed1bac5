import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { auditEvent, community } from '@huanjie/db';
import { CREATE_COMMUNITY, createTestApp, type TestApp, type TestClient } from './harness.ts';

const IMPORT = `mutation($file: File!) { importCommunities(file: $file) { __typename
  ... on ImportReport { rows created updated rejected errors { row field message } }
  ... on Error { code message } } }`;

const csv = (text: string) => new TextEncoder().encode(text);

describe('communities and groups', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.signedIn();
  });
  afterAll(() => app.close());

  const audits = async () => (await app.database.db.select({ n: count() }).from(auditEvent))[0]!.n;
  const communities = async () => (await app.database.db.select({ n: count() }).from(community))[0]!.n;

  it('creates a community with its election in the current cycle', async () => {
    const cycle = await admin.query(
      `mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: SICHUAN, electionDay: "2026-12-20" }) { __typename ... on Cycle { year profile } } }`,
    );
    expect(cycle.data.createCycle).toEqual({ __typename: 'Cycle', year: 2026, profile: 'SICHUAN' });
    const res = await admin.query(CREATE_COMMUNITY, { input: { code: 'C001', name: '龙凤社区', kind: 'VILLAGE', area: 'RURAL', electionDay: '2026-12-22' } });
    expect(res.data.createCommunity).toMatchObject({ __typename: 'Community', code: 'C001', kind: 'VILLAGE', area: 'RURAL', election: { electionDay: '2026-12-22' } });
  });

  it('refuses a community code used twice, naming the holder, and writes nothing', async () => {
    const [before, auditsBefore] = [await communities(), await audits()];
    const res = await admin.query(CREATE_COMMUNITY, { input: { code: 'C001', name: '另一个社区', kind: 'VILLAGE', area: 'RURAL' } });
    expect(res.data.createCommunity).toEqual({ __typename: 'UserError', code: 'DUPLICATE_CODE', message: '社区代码 C001 已被“龙凤社区”使用', field: 'code' });
    expect(await communities()).toBe(before);
    expect(await audits()).toBe(auditsBefore);
  });

  it('refuses a code with spaces or symbols and an empty name', async () => {
    const bad = await admin.query(CREATE_COMMUNITY, { input: { code: 'C 1/2', name: '甲', kind: 'VILLAGE', area: 'RURAL' } });
    expect(bad.data.createCommunity).toMatchObject({ code: 'INVALID_CODE', field: 'code' });
    const empty = await admin.query(CREATE_COMMUNITY, { input: { code: 'C003', name: '  ', kind: 'VILLAGE', area: 'RURAL' } });
    expect(empty.data.createCommunity).toMatchObject({ code: 'REQUIRED', message: '请填写社区名称', field: 'name' });
  });

  it('refuses a date that is not a date with a zh-CN message', async () => {
    const res = await admin.query(CREATE_COMMUNITY, { input: { code: 'C004', name: '甲村', kind: 'VILLAGE', area: 'RURAL', electionDay: '2026-02-30' } });
    expect(res.errors?.[0]?.message).toContain('日期格式不正确：2026-02-30');
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_DATE');
  });

  it('adds groups and sums households and population over them', async () => {
    const c = await admin.query(`{ community(code: "C001") { id } }`);
    const id = c.data.community.id;
    for (const [name, households, population] of [['一组', 40, 130], ['二组', 55, 170]] as const) {
      const res = await admin.query(
        `mutation($input: CreateGroupInput!) { createGroup(input: $input) { __typename ... on Group { number name } } }`,
        { input: { communityId: id, name, households, population } },
      );
      expect(res.data.createGroup.__typename).toBe('Group');
    }
    const dup = await admin.query(
      `mutation($input: CreateGroupInput!) { createGroup(input: $input) { __typename ... on Error { code message } } }`,
      { input: { communityId: id, name: '一组', households: 1, population: 1 } },
    );
    expect(dup.data.createGroup).toEqual({ __typename: 'UserError', code: 'DUPLICATE_GROUP', message: '该社区已有“一组”' });
    const negative = await admin.query(
      `mutation($input: CreateGroupInput!) { createGroup(input: $input) { __typename ... on Error { code } } }`,
      { input: { communityId: id, name: '三组', households: -1, population: 1 } },
    );
    expect(negative.data.createGroup).toEqual({ __typename: 'UserError', code: 'INVALID_NUMBER' });
    const summed = await admin.query(`{ community(code: "C001") { groupCount households population groups { number name } } }`);
    expect(summed.data.community).toEqual({
      groupCount: 2, households: 95, population: 300,
      groups: [{ number: 1, name: '一组' }, { number: 2, name: '二组' }],
    });
  });

  it('imports communities and groups from CSV, reporting each bad row and keeping the good ones', async () => {
    const file = [
      '社区代码,社区名称,类型,区域,小组,户数,人口',
      '510181103201,青城社区,村,农村,一组,80,250',
      '510181103201,青城社区,村,农村,二组,70,"1,200"',
      '510181103202,,村,农村,一组,10,20',
      '510181103203,石羊社区,镇,农村,一组,10,20',
      '510181103204,柳街社区,村,农村,一组,十户,20',
      '510181103205,白玉社区,居,场镇,,,',
      'C001,错名社区,村,农村,三组,1,1',
    ].join('\n');
    const res = await admin.upload(IMPORT, { file: null }, { name: 'communities.csv', bytes: csv(file), path: 'variables.file' });
    expect(res.data.importCommunities).toEqual({
      __typename: 'ImportReport',
      rows: 7,
      created: 4,
      updated: 0,
      rejected: 4,
      errors: [
        { row: 4, field: '社区名称', message: '请填写社区名称' },
        { row: 5, field: '类型', message: '类型“镇”无法识别，应为“村”或“居”' },
        { row: 6, field: '户数', message: '户数“十户”不是非负整数' },
        { row: 8, field: '社区名称', message: '社区代码 C001 已属于“龙凤社区”，与本行的“错名社区”不一致' },
      ],
    });
    const q = await admin.query(`{ community(code: "510181103201") { name groups { name households population } } }`);
    expect(q.data.community).toEqual({ name: '青城社区', groups: [{ name: '一组', households: 80, population: 250 }, { name: '二组', households: 70, population: 1200 }] });
    expect((await admin.query(`{ community(code: "510181103205") { area kind groupCount } }`)).data.community).toEqual({ area: 'TOWN_CENTRE', kind: 'RESIDENTS', groupCount: 0 });
  });

  it('reads a GBK CSV as Excel exports it, and updates groups already there', async () => {
    const text = '社区代码,社区名称,类型,区域,小组,户数,人口\r\n510181103201,青城社区,村,农村,一组,82,255\r\n';
    const gbk = encodeGbk(text);
    const res = await admin.upload(IMPORT, { file: null }, { name: 'gbk.csv', bytes: gbk, path: 'variables.file' });
    expect(res.data.importCommunities).toMatchObject({ rows: 1, created: 0, updated: 1, rejected: 0 });
    const q = await admin.query(`{ community(code: "510181103201") { groups { name households } } }`);
    expect(q.data.community.groups[0]).toEqual({ name: '一组', households: 82 });
  });

  it('imports XLSX too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('社区');
    ws.addRow(['社区代码', '社区名称', '类型', '区域', '小组', '户数', '人口']);
    ws.addRow(['510181103210', '紫坪社区', '村', '农村', '1组', 60, 190]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await admin.upload(IMPORT, { file: null }, { name: 'communities.xlsx', bytes, path: 'variables.file' });
    expect(res.data.importCommunities).toMatchObject({ rows: 1, created: 2, rejected: 0 });
  });

  it('refuses a file that is neither CSV nor XLSX, and one with missing columns, importing nothing', async () => {
    const before = await communities();
    const pdf = await admin.upload(IMPORT, { file: null }, { name: 'list.pdf', bytes: csv('%PDF-1.4'), path: 'variables.file' });
    expect(pdf.data.importCommunities).toEqual({ __typename: 'UserError', code: 'UNSUPPORTED_FILE', message: '无法识别的文件类型：list.pdf，请上传 CSV 或 XLSX 文件' });
    const missing = await admin.upload(IMPORT, { file: null }, { name: 'x.csv', bytes: csv('名称,户数\n甲,1\n'), path: 'variables.file' });
    expect(missing.data.importCommunities).toEqual({ __typename: 'UserError', code: 'MISSING_COLUMNS', message: '缺少必需的列：社区代码、类型、区域' });
    expect(await communities()).toBe(before);
  });
});

describe('the nine-step checklist and the township overview', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await createTestApp('2026-11-25');
    admin = await app.signedIn();
    await admin.query(`mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: SICHUAN, electionDay: "2026-12-20" }) { __typename } }`);
    await admin.query(CREATE_COMMUNITY, { input: { code: 'C001', name: '龙凤社区', kind: 'VILLAGE', area: 'RURAL' } });
  });
  afterAll(() => app.close());

  const OVERVIEW = `{ overview { today communities overdueCommunities rows { community { code } election { stage stageTitle overdueSteps { key } } } } }`;
  const CHECKLIST = `{ community(code: "C001") { election { id checklist { step key deadline status late daysLeft statutory } } } }`;

  it('computes each deadline from the election day (rules.md §S)', async () => {
    const res = await admin.query(CHECKLIST);
    const steps = res.data.community.election.checklist;
    expect(steps.map((s: { deadline: string }) => s.deadline)).toEqual([
      '2026-11-05', '2026-11-20', '2026-11-30', '2026-12-15', '2026-12-20', '2027-01-19', '2026-12-30', '2027-02-03', '2027-01-19',
    ]);
    expect(steps[2]).toMatchObject({ key: 'VOTER_REGISTRATION', statutory: true, status: 'DUE', daysLeft: 5 });
    expect(steps[0]).toMatchObject({ key: 'SURVEY', status: 'OVERDUE', late: true, daysLeft: -20 });
  });

  it('shows on the overview what is overdue, and ticking a step changes it', async () => {
    const before = await admin.query(OVERVIEW);
    expect(before.data.overview).toMatchObject({ today: '2026-11-25', communities: 1, overdueCommunities: 1 });
    expect(before.data.overview.rows[0].election).toEqual({ stage: 1, stageTitle: '第1步 调查摸底', overdueSteps: [{ key: 'SURVEY' }, { key: 'ELECTION_COMMITTEE' }] });

    const id = (await admin.query(CHECKLIST)).data.community.election.id;
    const tick = async (step: string, doneOn?: string) =>
      (await admin.query(
        `mutation($id: ID!, $step: StepKey!, $doneOn: Date) { setChecklistStep(electionId: $id, step: $step, done: true, doneOn: $doneOn) { __typename ... on Election { stage } ... on Error { code message } } }`,
        { id, step, doneOn },
      )).data.setChecklistStep;
    expect(await tick('SURVEY', '2026-11-01')).toEqual({ __typename: 'Election', stage: 2 });
    expect(await tick('ELECTION_COMMITTEE', '2026-11-30')).toEqual({ __typename: 'UserError', code: 'FUTURE_DATE', message: '完成日期不能晚于今天' });
    expect(await tick('ELECTION_COMMITTEE')).toEqual({ __typename: 'Election', stage: 3 });

    const after = await admin.query(OVERVIEW);
    expect(after.data.overview.overdueCommunities).toBe(0);
    expect(after.data.overview.rows[0].election).toEqual({ stage: 3, stageTitle: '第3步 选民登记并张榜公布', overdueSteps: [] });
    const steps = (await admin.query(CHECKLIST)).data.community.election.checklist;
    expect(steps[0]).toMatchObject({ status: 'DONE', late: false });
    expect(steps[1]).toMatchObject({ status: 'DONE', late: true });
  });

  it('moves every deadline when the election day moves', async () => {
    const id = (await admin.query(CHECKLIST)).data.community.election.id;
    const res = await admin.query(
      `mutation($id: ID!) { setElectionDay(electionId: $id, electionDay: "2027-01-09") { __typename ... on Election { checklist { deadline } } } }`,
      { id },
    );
    expect(res.data.setElectionDay.checklist[2].deadline).toBe('2026-12-20');
  });
});

/** GB18030 encoding of the few characters the test uses, through the decoder's inverse. */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi += 1) {
    for (let lo = 0x40; lo <= 0xfe; lo += 1) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? (() => { throw new Error(`no GBK code for ${ch}`); })()));
  }
  return new Uint8Array(out);
}
