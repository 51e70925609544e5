export default {
  'zh-CN': {
    console: {
      menu: { home: '工作台首页' },
      title: '工作台',
      greeting: '{name}，您好',
      today: '今天是 {date}',
      compliance: '合规概览',
      shortcuts: '常用功能',
      upcoming: '业务模块',
      upcomingText: '以下模块正在建设中，上线后将出现在左侧菜单。',
      shortcutsList: {
        users: { title: '用户管理', text: '账号、角色与会员单位关联' },
        audit: { title: '审计日志', text: '查看变更记录并校验哈希链' },
        findings: { title: '合规提示', text: '按条款查看待处理事项' },
      },
      modules: {
        members: { title: '会员管理', text: '入会审核、会员档案与退会' },
        fees: { title: '会费与公示', text: '账单、收款、冲正与年度公示' },
        events: { title: '活动管理', text: '报名、签到与大型活动备案' },
        credit: { title: '信用管理', text: '信用记录与红黑名单决定' },
        consulting: { title: '咨询服务', text: '服务目录、合同与阶段记录' },
        governance: { title: '治理记录', text: '会议、决议、职务与分支机构' },
      },
    },
  },
  en: {
    console: {
      menu: { home: 'Home' },
      title: 'Console',
      greeting: 'Hello, {name}',
      today: 'Today is {date}',
      compliance: 'Compliance overview',
      shortcuts: 'Shortcuts',
      upcoming: 'Business modules',
      upcomingText: 'These modules are being built and will join the menu when they go live.',
      shortcutsList: {
        users: { title: 'Users', text: 'Accounts, roles and member links' },
        audit: { title: 'Audit log', text: 'Browse changes and verify the hash chain' },
        findings: { title: 'Compliance findings', text: 'Open items by clause of the standard' },
      },
      modules: {
        members: { title: 'Members', text: 'Applications, member records and withdrawals' },
        fees: { title: 'Dues and disclosure', text: 'Bills, payments, reversals and the annual disclosure' },
        events: { title: 'Events', text: 'Registration, check-in and large-event filings' },
        credit: { title: 'Credit', text: 'Credit records and red/black list decisions' },
        consulting: { title: 'Consulting', text: 'Service catalogue, contracts and stages' },
        governance: { title: 'Governance', text: 'Meetings, resolutions, positions and branches' },
      },
    },
  },
}
