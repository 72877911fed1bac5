/** Field checks shared by the forms and the import, each with its zh-CN message. */
import { err, ok, type Result } from '@huanjie/domain';
import { userError, type UserErrorData } from '../errors.ts';

export type CommunityKind = 'village' | 'residents';
export type CommunityArea = 'town-centre' | 'rural';

export function checkCode(raw: string): Result<string, UserErrorData> {
  const code = raw.trim();
  if (!code) return err(userError('REQUIRED', '请填写社区代码', 'code'));
  if (!/^[0-9A-Za-z-]{1,20}$/.test(code)) {
    return err(userError('INVALID_CODE', `社区代码“${code}”无效：只能包含数字、字母或 -，最长 20 位`, 'code'));
  }
  return ok(code);
}

export function checkName(raw: string, field = 'name', label = '名称'): Result<string, UserErrorData> {
  const name = raw.trim();
  if (!name) return err(userError('REQUIRED', `请填写${label}`, field));
  if (name.length > 40) return err(userError('TOO_LONG', `${label}过长（最多 40 个字）`, field));
  return ok(name);
}

export function checkCount(value: number, field: string, label: string): Result<number, UserErrorData> {
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000) {
    return err(userError('INVALID_NUMBER', `${label}须为 0 到 1000000 之间的整数`, field));
  }
  return ok(value);
}

/** How a spreadsheet writes the kind of community. */
export function parseKind(raw: string): CommunityKind | null {
  const v = raw.trim();
  if (['村', '村委会', '村民委员会', 'village'].includes(v)) return 'village';
  if (['居', '社区', '居委会', '居民委员会', 'residents'].includes(v)) return 'residents';
  return null;
}

export function parseArea(raw: string): CommunityArea | null {
  const v = raw.trim();
  if (['场镇', '城镇', '场镇社区', 'town-centre'].includes(v)) return 'town-centre';
  if (['农村', '农村社区', 'rural'].includes(v)) return 'rural';
  return null;
}
