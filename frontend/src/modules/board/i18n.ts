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
      scorecardEmpty: '记分卡将在评价模块上线后呈现',
      scorecardText: '届时将按《行业协会商会能力建设规范》第 7–8 章的 112 项指标汇总得分、红线项与等级区间，并可发起评价轮次。',
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
      scorecardEmpty: 'The scorecard arrives with the evaluation module',
      scorecardText:
        'It will roll up the 112 indicators of chapters 7–8 of the capability-building standard into scores, red lines and stage bands, and start evaluation rounds.',
      scorecardItems: {
        indicators: '112 indicators',
        redlines: 'Red lines',
        bands: 'Stage bands',
      },
    },
  },
}
