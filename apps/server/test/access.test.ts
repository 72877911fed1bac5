import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, CREATE_COMMUNITY, createTestApp, SIGN_IN, type TestApp } from './harness.ts';

const ME = `{ me { username role communities { code } } }`;

describe('accounts and roles', () => {
  let app: TestApp;
  let village: { id: string; code: string };
  let other: { id: string; code: string };
  beforeAll(async () => {
    app = await createTestApp();
    const admin = await app.signedIn();
    const a = await admin.query(CREATE_COMMUNITY, { input: { code: 'C001', name: '龙凤社区', kind: 'VILLAGE', area: 'RURAL' } });
    const b = await admin.query(CREATE_COMMUNITY, { input: { code: 'C002', name: '白玉社区', kind: 'RESIDENTS', area: 'TOWN_CENTRE' } });
    village = a.data.createCommunity;
    other = b.data.createCommunity;
    const created = await admin.query(
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) { __typename ... on Account { username role } ... on Error { code message } } }`,
      { input: { username: 'longfeng', password: 'committee-pw', displayName: '龙凤社区选举委员会', role: 'COMMUNITY_COMMITTEE', communityIds: [village.id] } },
    );
    expect(created.data.createAccount).toEqual({ __typename: 'Account', username: 'longfeng', role: 'COMMUNITY_COMMITTEE' });
  });
  afterAll(() => app.close());

  it('signs in with the right password and sets an http-only session cookie', async () => {
    const c = app.client();
    const res = await c.query(SIGN_IN, { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.data.signIn).toMatchObject({ __typename: 'Account', username: 'admin', role: 'TOWNSHIP_ADMIN' });
    expect(c.lastSetCookie).toMatch(/^huanjie_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect((await c.query(ME)).data.me).toMatchObject({ username: 'admin', role: 'TOWNSHIP_ADMIN' });
  });

  it('refuses a wrong password with a zh-CN message and no cookie', async () => {
    const c = app.client();
    const res = await c.query(SIGN_IN, { username: 'admin', password: 'wrong' });
    expect(res.data.signIn).toEqual({ __typename: 'UserError', code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(c.lastSetCookie).toBeNull();
    expect((await c.query(ME)).data.me).toBeNull();
  });

  it('tells an expired session apart from no session', async () => {
    const c = await app.signedIn();
    app.clock.advance(13 * 3600_000);
    try {
      const res = await c.query(`{ overview { communities } }`);
      expect(res.errors?.[0]).toMatchObject({ message: '登录已过期，请重新登录', extensions: { code: 'SESSION_EXPIRED' } });
      const anonymous = await app.client().query(`{ overview { communities } }`);
      expect(anonymous.errors?.[0]).toMatchObject({ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      app.clock.advance(-13 * 3600_000);
    }
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const c = await app.signedIn();
    const token = c.cookies.get('huanjie_session');
    expect((await c.query(`mutation { signOut }`)).data.signOut).toBe(true);
    expect(c.cookies.has('huanjie_session')).toBe(false);
    c.cookies.set('huanjie_session', token!);
    expect((await c.query(ME)).data.me).toBeNull();
  });

  it('scopes a community committee account to its own community', async () => {
    const c = await app.signedIn('longfeng', 'committee-pw');
    expect((await c.query(ME)).data.me).toEqual({ username: 'longfeng', role: 'COMMUNITY_COMMITTEE', communities: [{ code: 'C001' }] });

    const list = await c.query(`{ communities(first: 50) { totalCount edges { node { code } } } }`);
    expect(list.data.communities).toEqual({ totalCount: 1, edges: [{ node: { code: 'C001' } }] });
    const overview = await c.query(`{ overview { communities rows { community { code } } } }`);
    expect(overview.data.overview).toEqual({ communities: 1, rows: [{ community: { code: 'C001' } }] });

    // Reading the other community, by code or by global id, is refused.
    const byCode = await c.query(`query($code: String!) { community(code: $code) { name } }`, { code: other.code });
    expect(byCode.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byCode.data?.community ?? null).toBeNull();
    const byNode = await c.query(`query($id: ID!) { node(id: $id) { ... on Community { name } } }`, { id: other.id });
    expect(byNode.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Changing it is refused, and nothing changes.
    const rename = await c.query(
      `mutation($id: ID!) { updateCommunity(id: $id, input: { name: "改名" }) { __typename } }`,
      { id: other.id },
    );
    expect(rename.errors?.[0]).toMatchObject({ message: '您的账号无权查看或修改此项内容', extensions: { code: 'FORBIDDEN' } });
    const group = await c.query(
      `mutation($id: ID!) { createGroup(input: { communityId: $id, name: "一组", households: 1, population: 2 }) { __typename } }`,
      { id: other.id },
    );
    expect(group.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await app.signedIn();
    const after = await admin.query(`query($code: String!) { community(code: $code) { name groupCount } }`, { code: other.code });
    expect(after.data.community).toEqual({ name: '白玉社区', groupCount: 0 });

    // Its own community it may change.
    const own = await c.query(
      `mutation($id: ID!) { createGroup(input: { communityId: $id, name: "一组", households: 30, population: 95 }) { __typename ... on Group { name } } }`,
      { id: village.id },
    );
    expect(own.data.createGroup).toEqual({ __typename: 'Group', name: '一组' });
  });

  it('keeps township-only actions from a community committee account', async () => {
    const c = await app.signedIn('longfeng', 'committee-pw');
    const res = await c.query(CREATE_COMMUNITY, { input: { code: 'C009', name: '新社区', kind: 'VILLAGE', area: 'RURAL' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await c.query(`{ accounts { username } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an observer read everything and change nothing', async () => {
    const admin = await app.signedIn();
    await admin.query(
      `mutation($input: CreateAccountInput!) { createAccount(input: $input) { __typename } }`,
      { input: { username: 'watcher', password: 'observer-pw', displayName: '观察员', role: 'OBSERVER' } },
    );
    const c = await app.signedIn('watcher', 'observer-pw');
    expect((await c.query(`{ communities { totalCount } }`)).data.communities.totalCount).toBe(2);
    const res = await c.query(
      `mutation($id: ID!) { updateCommunity(id: $id, input: { name: "改名" }) { __typename } }`,
      { id: village.id },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
