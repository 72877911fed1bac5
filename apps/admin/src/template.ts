/**
 * The columns the server's community import reads (packages/schema/src/organization/import.ts,
 * `communityImportTemplate`); public/templates/communities-template.csv has them as its header, and
 * the browser test checks both against the server's list.
 */
export const templateHeaders = ['社区代码', '社区名称', '类型', '区域', '小组', '户数', '人口'] as const;
