export default {
  'zh-CN': {
    board: {
      menu: { home: '看板首页' },
      title: '会长办公会看板',
      subtitle: '合规提示与能力建设评价的总览，供会长办公会、监事会和评价工作组审阅。',
      findingsTitle: '待处理合规提示',
      byModule: '按业务模块',
      bySeverity: '按严重程度',
      openCount: '待处理',
      scorecardTitle: '能力建设评价记分卡',
      scorecardEmpty: '实时得分、评价轮次与改进措施',
      scorecardOpen: '打开记分卡',
      scorecardText: '按《行业协会商会能力建设规范》第 7–8 章的 112 项指标汇总得分、红线项与发展阶段；自动指标由日常业务数据实时计算，其余由评价工作组凭证据评分。',
      scorecardItems: {
        indicators: '112 项指标',
        redlines: '红线项',
        bands: '等级区间',
      },
    },
  },
  en: {
    board: {
      menu: { home: 'Dashboard' },
      title: 'Board dashboard',
      subtitle: 'Compliance findings and the capability scorecard at a glance, for the president’s office, the supervisory board and the evaluation group.',
      findingsTitle: 'Open compliance findings',
      byModule: 'By module',
      bySeverity: 'By severity',
      openCount: 'Open',
      scorecardTitle: 'Capability scorecard',
      scorecardEmpty: 'Live scores, assessment rounds and improvement actions',
      scorecardOpen: 'Open the scorecard',
      scorecardText:
        'The 112 indicators of chapters 7–8 of the capability-building standard rolled up into scores, red lines and stages: auto indicators computed live from daily operations, the rest scored on evidence by the working group.',
      scorecardItems: {
        indicators: '112 indicators',
        redlines: 'Red lines',
        bands: 'Stage bands',
      },
    },
  },
}
