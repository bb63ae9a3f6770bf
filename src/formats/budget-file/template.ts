/**
 * `yusuan new <dir>`: a budget.yaml with a comment on every field (Chinese first, English beside).
 * It holds one small example of each list so the file is valid as written; replace the examples.
 */
import { FUNDING_SOURCE_NAMES, NATURES, NATURE_SHORT_NAMES } from "../../core/model.ts";

export function budgetTemplate(year: number): string {
  return `# ${year}年度部门预算 — Yusuan 预算数据文件 / budget file
# 每个字段都有说明；“示例”开头的内容请替换为本部门数据。金额单位为元（可写 "41.35万元"）。
# Every field is explained; replace the examples. Amounts are 元 unless written as "…万元".
# 检查：npx yusuan check <目录>    生成：npx yusuan render <目录> --out out --format all

year: ${year}                     # 预算年度 / fiscal year
date: "${year}-02"                # 编制日期（封面），年-月 / date printed on the cover
department:
  code: "999"                     # 部门编码 / department code
  name: 示例部门                  # 部门全称 / full name (printed on every table)
  shortName: 示例部门             # 简称（可选）/ short name (optional)
  region: 示例区                  # 区划（可选）/ region (optional)

units:                            # 预算单位（机关本级及所属单位）/ budget units
  - code: "999001"                # 单位代码 / unit code
    name: 示例部门机关            # 单位名称 / unit name
    type: 行政                    # 单位类型：行政 | 参公 | 事业 / unit type
    staffing:                     # 人员编制 / staffing (leave out what is unknown; never write 0 for unknown)
      authorized: 10              # 编制数 / authorized posts
      actual: 9                   # 实有人数（在职）/ staff in post
      retired: 2                  # 离退休人数 / retirees

# income:                         # 收入（可选）：不填则按支出明细的资金来源计算 / optional; read from the line items when absent
#   - { unit: "999001", source: 财政拨款, amount: 1000000 }

lineItems:                        # 支出明细：单位 × 功能科目 × 经济科目 × 性质 × 项目 × 资金来源 × 金额 / expenditure line items
  - unit: "999001"                # 单位代码 / unit code (one of units)
    functional: "2010101"         # 支出功能分类科目（7位，类款项）/ functional code, 7 digits
    economic: "30101"             # 部门预算支出经济分类科目（款5位，或地方细化7位）/ economic code, 5 or 7 digits
    nature: 基本                  # 支出性质：${NATURES.map((n) => NATURE_SHORT_NAMES[n]).join(" | ")} / basic, project, unit reserve (单位预留机动经费), carried to next year (结转下年资金)
    source: 财政拨款              # 资金来源 / funding source: ${Object.values(FUNDING_SOURCE_NAMES).join(" | ")}
    amount: 500000.00             # 金额（元）/ amount in 元
    memo: 示例：基本工资          # 摘要（可选）/ memo (optional)
  - unit: "999001"
    functional: "2010102"
    economic: "30201"
    nature: 项目
    project: "999001-1"           # 项目编码（项目支出必填）/ project code (required for project lines)
    source: 财政拨款
    amount: "12.5万元"            # 也可写万元 / 万元 also accepted
    memo: 示例：办公费

projects:                         # 预算项目 / projects
  - code: "999001-1"              # 项目编码（勿与单位代码相同）/ project code (never the unit's own code)
    name: 示例项目                # 项目名称 / project name
    unit: "999001"                # 所属单位代码 / unit
    class: 一般性项目             # 项目类别：一般性项目 | 专项资金 | 人员类项目 / project class
    functional: "2010102"         # 主要功能分类科目 / main functional code
    specialTransfer: false        # 是否专项转移支付 / a special transfer payment managed by the department
    goal: 示例：完成年度工作任务  # 项目年度绩效目标 / the project's annual goal
    indicators:                   # 绩效指标 / performance indicators
      - level1: 产出指标          # 一级指标：产出 | 成本 | 效益 | 满意度
        level2: 数量指标          # 二级指标
        level3: 示例：完成事项数  # 三级指标
        target: ≥10个             # 指标值：≥95% | =120个 | ${year}年3月底前 | 明显
      - { level1: 效益指标, level2: 社会效益指标, level3: 示例：服务水平提升, target: 明显 }
      - { level1: 满意度指标, level2: 服务对象满意度指标, level3: 示例：服务对象满意度, target: ≥90% }

targets:                          # 部门（单位）整体绩效目标（表十二）/ overall targets of the department
  goals:                          # 年度总体目标 / annual goals
    - 示例：履行部门职责，完成年度重点工作
  tasks:                          # 年度主要任务 / main tasks; funds are derived
    - name: 基本支出              # 任务名称
      content: 保障机构正常运转   # 主要内容
      funds: basic                # 资金范围：basic | project | [项目编码…] / which money funds the task
    - { name: 项目支出, content: 示例：重点工作任务, funds: project }
  indicators:                     # 部门整体绩效指标：履职效能 | 管理效率 | 运行成本 | 服务满意 | 可持续性
    - { level1: 管理效率, level2: 预算管理, level3: 预算执行率, target: 100%, method: 预算执行率=（预算执行数/预算数）×100% }

procurement: []                   # 政府采购预算 / government procurement: - { unit: "999001", kind: 货物|工程|服务, amount: 100000 }

assets:                           # 国有资产占用情况（上年期末）/ state assets at the end of last year
  asOf: "${year - 1}-12-31"         # 截至日期 / as of
  vehicles: { 一般公务用车: 0, 一般执法执勤用车: 0, 特种专业技术用车: 0, 其他用车: 0 }   # 车辆（辆）by kind
  generalEquipmentOver500k: 0     # 单价50万元以上通用设备（台/套）
  specialEquipmentOver1m: 0       # 单位价值100万元以上专用设备（台/套）

prior:                            # 上年数（上年年初预算）：说明中的同比数据 / last year's figures the narrative compares
  year: ${year - 1}                       # 上年年度 / prior year
  basis: 上年年初预算             # 比较口径 / basis of comparison
  total: 600000.00                # 收支总计 / total
  basic: 480000.00                # 基本支出 / basic expenditure
  project: 120000.00              # 项目支出 / project expenditure
  appropriation: 600000.00        # 财政拨款收支 / appropriations
  generalPublicBudget: 600000.00  # 一般公共预算 / general public budget
  governmentFund: 0               # 政府性基金预算
  stateCapital: 0                 # 国有资本经营预算
  threePublic: { abroad: 0, reception: 0, vehiclePurchase: 0, vehicleOperation: 0 }   # "三公"经费：出国、接待、购车、运行
  operatingCost: 0                # 机关运行经费 / administrative operating costs
  procurement: 0                  # 政府采购 / procurement

reasons:                          # 增减变化原因（按说明章节）/ the reasons people write, by narrative section
  total: 示例：人员调整及重点工作经费增加         # 一、收支总体
  expenditure: 示例：基本支出按标准核定           # 三、支出
  appropriation: 示例：同收支总体               # 四、财政拨款
  generalPublicBudget: 示例：同收支总体         # 五、一般公共预算
  # economic, threePublic, governmentFund, stateCapital, operatingCost, procurement, performance, assets, specialTransfer

profile:                          # 第一部分 部门概况 / the department profile
  duties:                         # 主要职能（一条一项）/ main duties, one per item
    - 示例：负责本部门职责范围内的工作
  organisation: 示例：内设机构X个，包括：……   # 机构设置情况 / organisation
  unitsIncluded: [示例部门机关]   # 部门预算单位构成 / units included in the department budget
`;
}
