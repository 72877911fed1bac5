/**
 * Loads the demo township (modelled on Yutang township in the seed): communities, groups, the 2026
 * cycle with election days, demo accounts, and progress on the checklist so the overview shows a
 * living township with some steps overdue. Goes through the same services as the API, so every
 * change is in the audit trail. Synthetic people only.
 */
import { count } from 'drizzle-orm';
import { addDays, buildDemoTownship, scheduleSteps, stepDeadline, getProfile, type Result } from '@huanjie/domain';
import { community, election } from '@huanjie/db';
import {
  createAccount,
  createCommunity,
  createCycle,
  createGroup,
  ensureInitialAdmin,
  ensureTownship,
  fixedClock,
  setChecklistStep,
  systemClock,
  updateTownship,
  type UserErrorData,
} from '@huanjie/schema';
import type { Config } from '../config.ts';
import { openDatabase } from '../server.ts';

function must<T>(result: Result<T, UserErrorData>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

export const DEMO_PASSWORD = 'huanjie-demo';

export async function seedDemoCommand(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    const { db } = database;
    const [existing] = await db.select({ n: count() }).from(community);
    if ((existing?.n ?? 0) > 0) {
      process.stderr.write('数据库中已有社区，未载入示范数据。若要重新载入，请先删除数据目录。 / communities already exist; nothing loaded\n');
      return 2;
    }
    const clock = config.today ? fixedClock(config.today) : systemClock();
    const ctx = { db, actor: null, clock };
    const demo = buildDemoTownship(1);
    await ensureTownship(db);
    await ensureInitialAdmin(ctx, config.adminPassword);
    must(await updateTownship(ctx, { name: demo.name, code: demo.code }), 'township');
    const firstDay = Object.values(demo.cycle.electionDays).sort()[0]!;
    must(await createCycle(ctx, { name: demo.cycle.name, year: demo.cycle.year, profile: demo.cycle.profile, electionDay: firstDay }), 'cycle');

    const communityIds: number[] = [];
    for (const c of demo.communities) {
      const row = must(
        await createCommunity(ctx, { code: c.code, name: c.name, kind: c.kind, area: c.area, electionDay: demo.cycle.electionDays[c.code] }),
        c.name,
      );
      communityIds.push(row.id);
      for (const [i, g] of c.groups.entries()) {
        must(await createGroup(ctx, { communityId: row.id, number: i + 1, name: g.name, households: g.households, population: g.population }), g.name);
      }
    }

    // Progress as a real township would have it: steps whose deadline has passed are mostly done,
    // a few communities lag behind (and show as overdue on the overview).
    const today = clock.today();
    const profile = getProfile(demo.cycle.profile);
    const elections = await db.select().from(election);
    for (const [index, e] of elections.entries()) {
      const lagging = index % 5 === 3;
      for (const step of scheduleSteps) {
        const deadline = stepDeadline(step.key, e.electionDay, profile);
        if (deadline >= today) break;
        if (lagging && step.step >= 2) break;
        const doneOn = addDays(deadline, -((index % 3) + 1));
        must(await setChecklistStep(ctx, e.id, step.key, true, doneOn < today ? doneOn : today), `step ${step.key}`);
      }
    }

    const first = demo.communities[0]!;
    must(
      await createAccount(ctx, { username: 'baiyu', password: DEMO_PASSWORD, displayName: `${first.name}选举委员会`, role: 'community-committee', communityIds: [communityIds[0]!] }),
      'account',
    );
    must(
      await createAccount(ctx, { username: 'clerk1', password: DEMO_PASSWORD, displayName: '计票员一', role: 'clerk', communityIds: [communityIds[0]!] }),
      'account',
    );
    must(
      await createAccount(ctx, { username: 'observer', password: DEMO_PASSWORD, displayName: '县民政局观察员', role: 'observer', communityIds: [] }),
      'account',
    );
    process.stdout.write(
      `已载入示范乡镇 ${demo.name}：${demo.communities.length} 个社区、${demo.groupCount} 个小组、${demo.population} 人。\n` +
        `Demo township loaded. Demo accounts (password ${DEMO_PASSWORD}): baiyu (community committee), clerk1 (clerk), observer.\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
