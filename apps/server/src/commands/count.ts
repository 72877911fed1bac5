/**
 * `count [--explain] FILE`: recounts an exported count (counting-format.md) offline, as an auditor
 * would. Output, on stdout only:
 * - the determination as JSON (2-space indented, keys in the order of counting-format.md), exit 0;
 * - with `--explain` (before or after FILE): the same JSON, an empty line, then the zh-CN account a
 *   scrutineer reads aloud (F3), so the JSON stays the first thing on stdout either way.
 * Bad input — unreadable file, not JSON, or a field counting-format.md refuses — is exit 2 with
 * exactly one line on stderr naming the field in zh-CN and English; never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { determine, explainDetermination, parseCountInput } from '@huanjie/domain';
import type { CountInputError } from '@huanjie/domain';

const USAGE = '用法 / usage: count [--explain] FILE';

/** One line, whatever a name or message in it contains. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

function fail(message: string, code = 2): number {
  process.stderr.write(`${oneLine(message)}\n`);
  return code;
}

/** `输入有误 / bad input: ballotsIssued：缺少此字段 / ballotsIssued: missing` */
function inputError(error: CountInputError): string {
  const zh = error.field === '' ? error.messageZh : `${error.field}：${error.messageZh}`;
  const en = error.field === '' ? error.messageEn : `${error.field}: ${error.messageEn}`;
  return `输入有误 / bad input: ${zh} / ${en}`;
}

interface CountArgs {
  readonly file: string;
  readonly explain: boolean;
}

function parseArgs(args: readonly string[]): CountArgs | null {
  let explain = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--explain') explain = true;
    else if (arg.startsWith('--')) return null;
    else files.push(arg);
  }
  const [file] = files;
  return file !== undefined && files.length === 1 ? { file, explain } : null;
}

export async function countCommand(args: readonly string[]): Promise<number> {
  const parsedArgs = parseArgs(args);
  if (!parsedArgs) return fail(USAGE);
  const { file, explain } = parsedArgs;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return fail(`无法读取文件 / cannot read file: ${file}`);
  }
  let json: unknown;
  try {
    // A byte-order mark is what spreadsheet tools on Windows put before exported text.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail(`输入有误 / bad input: 文件不是有效的 JSON / the file is not valid JSON: ${file}`);
  }
  try {
    const input = parseCountInput(json);
    if (!input.ok) return fail(inputError(input.error));
    const determination = determine(input.value);
    let out = `${JSON.stringify(determination, null, 2)}\n`;
    if (explain) out += `\n${explainDetermination(input.value, determination)}\n`;
    process.stdout.write(out);
    return 0;
  } catch (e) {
    // A bug, not bad input: still one line, and exit 1 as for any other failure of the CLI.
    return fail(`内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
}
