export default {
  'zh-CN': {
    portal: {
      menu: { home: '门户首页' },
      title: '会员门户',
      greeting: '{name}，您好',
      unitLabel: '所属会员单位',
      noUnit: '尚未关联会员单位',
      noUnitText: '请联系本会秘书处为您的账号关联会员单位。',
      servicesTitle: '会员服务',
      servicesNote: '以下服务正在陆续开放，开放后可直接在此办理。',
      sections: {
        unit: { title: '会员信息', text: '查看和更新本单位的登记信息、联系人与代表。' },
        bills: { title: '会费账单', text: '查看本单位历年会费账单、缴费记录与收据。' },
        disclosures: { title: '会费公示', text: '查阅本会已发布的年度会费收支公示。' },
        events: { title: '活动报名', text: '浏览本会活动，在线报名并获取签到码。' },
        credit: { title: '信用公示', text: '查询本会发布的信用红名单、白名单与黑名单。' },
      },
    },
  },
  en: {
    portal: {
      menu: { home: 'Portal home' },
      title: 'Member portal',
      greeting: 'Hello, {name}',
      unitLabel: 'Member unit',
      noUnit: 'No member unit linked yet',
      noUnitText: "Ask the association's secretariat to link your account to your member unit.",
      servicesTitle: 'Member services',
      servicesNote: 'These services are opening one by one; once open you can use them right here.',
      sections: {
        unit: { title: 'My unit', text: "View and update your unit's registration, contacts and representatives." },
        bills: { title: 'Dues bills', text: "Your unit's dues bills, payments and receipts by year." },
        disclosures: { title: 'Dues disclosures', text: "The association's published annual dues disclosures." },
        events: { title: 'Events', text: 'Browse events, register online and get your check-in code.' },
        credit: { title: 'Credit lists', text: "The association's published red, white and black lists." },
      },
    },
  },
}
