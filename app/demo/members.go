package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"huiguan/app"
	appmember "huiguan/app/member"
	"huiguan/domain/member"
)

// clockAt is the demo's clock: history is loaded at the times it happened.
type clockAt struct{ t time.Time }

func (c *clockAt) Now() time.Time { return c.t }

var (
	cities = []struct{ name, code string }{
		{"广州", "440100"}, {"深圳", "440300"}, {"佛山", "440600"}, {"东莞", "441900"}, {"珠海", "440400"},
		{"中山", "442000"}, {"惠州", "441300"}, {"江门", "440700"}, {"汕头", "440500"}, {"湛江", "440800"},
		{"肇庆", "441200"}, {"清远", "441800"}, {"韶关", "440200"}, {"揭阳", "445200"}, {"茂名", "440900"},
	}
	stems      = []string{"速达", "顺捷", "宏运", "粤通", "南方", "华联", "安泰", "远航", "信诚", "恒丰", "骏马", "金桥", "海港", "力通", "万里", "鹏程", "嘉诚", "新干线", "捷运", "众邦", "通达", "凯晟", "德邦", "明阳", "珠江", "岭南", "畅联", "汇通", "利丰", "中储"}
	kinds      = []string{"物流有限公司", "供应链管理有限公司", "运输有限公司", "仓储有限公司", "冷链物流有限公司", "国际货运代理有限公司", "港口服务有限公司", "物流科技有限公司"}
	industries = []string{"道路货运", "仓储", "冷链物流", "快递", "国际货代", "港口物流", "供应链管理", "物流科技"}
	segments   = []string{"干线运输", "城市配送", "仓储管理", "多式联运", "供应链服务", "物流装备与信息化"}
	surnames   = []string{"陈", "李", "黄", "张", "梁", "刘", "林", "吴", "何", "罗", "郑", "周", "谢", "邓", "冯"}
	givens     = []string{"建国", "敏", "伟", "婷", "志强", "丽华", "海涛", "晓东", "嘉欣", "俊杰", "慧", "国平", "少华", "雪梅", "文彬"}
	titles     = []string{"行政主管", "办公室主任", "综合部经理", "总经理助理", "董事会秘书"}
)

// codeChars are the code alphabet without I, O, S, V, Z.
const codeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

func uscc(r *rand.Rand, division string) string {
	b := []byte("91" + division + "MA")
	for len(b) < 17 {
		b = append(b, codeChars[r.IntN(len(codeChars))])
	}
	return string(b) + string(member.CheckChar(string(b)))
}

func person(r *rand.Rand) string {
	return surnames[r.IntN(len(surnames))] + givens[r.IntN(len(givens))]
}

func mobile(r *rand.Rand) string { return fmt.Sprintf("13%d%08d", 5+r.IntN(5), r.IntN(100000000)) }

// demoTiers are a provincial logistics association's four tiers.
var demoTiers = []member.Tier{
	{Name: "会长单位", Rank: 1, AnnualFeeFen: 5_000_000, Services: []string{"会长办公会席位", "年度行业峰会主题演讲", "政策沟通直通车", "会刊封面专题报道"}, Rights: "参加会长办公会，参与重大事项决策", Obligations: "履行会长单位职责，按时缴纳会费", Active: true},
	{Name: "副会长单位", Rank: 2, AnnualFeeFen: 2_000_000, Services: []string{"常务理事会席位", "行业峰会展位优先", "政策解读专场", "会刊专题报道"}, Rights: "参加常务理事会，参与行业标准起草", Obligations: "履行副会长单位职责，按时缴纳会费", Active: true},
	{Name: "理事单位", Rank: 3, AnnualFeeFen: 800_000, Services: []string{"理事会席位", "培训课程八折", "供需对接会", "行业数据季报"}, Rights: "参加理事会，享有选举权和被选举权", Obligations: "遵守章程，按时缴纳会费", Active: true},
	{Name: "会员单位", Rank: 4, AnnualFeeFen: 200_000, Services: []string{"行业数据季报", "政策宣讲会", "会员名录展示", "法律咨询热线"}, Rights: "享有会员基本权利和服务", Obligations: "遵守章程，按时缴纳会费", Active: true},
}

// roster is what loadMembers made that later parts of the demo refer to.
type roster struct {
	showcase int64 // the unit the demo member user speaks for
	expel    int64 // the unit the council expels
	units    int
	tiers    map[string]int64
}

// loadMembers creates tiers and about 300 member units with seven years of
// history: applications, approvals, reviews, warnings and withdrawals.
func loadMembers(ctx context.Context, d Deps, today time.Time) (roster, error) {
	r := rand.New(rand.NewPCG(2026, 8112))
	now := &clockAt{t: today}
	reg := d.MembersAt(now)
	tierIDs := make([]int64, len(demoTiers))
	byName := map[string]int64{}
	for i, t := range demoTiers {
		saved, err := reg.SaveTier(ctx, t)
		if err != nil {
			return roster{}, fmt.Errorf("demo tier %s: %w", t.Name, err)
		}
		tierIDs[i], byName[t.Name] = saved.ID, saved.ID
	}
	if err := reg.SetIndustryUnits(ctx, 1200); err != nil {
		return roster{}, err
	}
	start := time.Date(2019, 3, 1, 2, 0, 0, 0, time.UTC)
	span := today.Sub(start)
	used := map[string]bool{}
	const units = 312 // a few generated names repeat and are skipped: about 300 units
	out := roster{tiers: byName}
	for i := range units {
		city := cities[r.IntN(len(cities))]
		name := city.name + stems[r.IntN(len(stems))] + kinds[r.IntN(len(kinds))]
		if i == 0 {
			city, name = cities[0], "广州速达物流有限公司"
		}
		if used[name] {
			continue
		}
		used[name] = true
		tier := 3
		switch x := r.IntN(100); {
		case x < 2:
			tier = 0
		case x < 10:
			tier = 1
		case x < 35:
			tier = 2
		}
		if i == 0 {
			tier = 2
		}
		applied := start.Add(time.Duration(r.Int64N(int64(span))))
		if i >= units-10 { // the newest applications are still under review
			applied = today.AddDate(0, 0, -r.IntN(20)-1)
		}
		rep := person(r)
		a := member.Application{
			Name: name, USCC: uscc(r, city.code), UnitType: member.Company, TierID: tierIDs[tier], CharterAccepted: true,
			CouncilUnit: tier <= 2, Channel: []member.Channel{member.ChannelPaper, member.ChannelPortal, member.ChannelEmail}[r.IntN(3)],
			ApplicationRef: fmt.Sprintf("SQ-%d-%03d", applied.Year(), i+1), AppliedOn: applied,
			Industry: industries[r.IntN(len(industries))], ChainSegment: segments[r.IntN(len(segments))], Region: city.name,
			Roster: member.Roster{
				Address:   fmt.Sprintf("%s市%s路 %d 号", city.name, stems[r.IntN(len(stems))], 1+r.IntN(300)),
				LegalRep:  member.Person{Name: person(r), Phone: mobile(r)},
				MemberRep: member.Person{Name: rep, Phone: mobile(r)},
				Contacts:  []member.Contact{{Name: person(r), Title: titles[r.IntN(len(titles))], Phone: fmt.Sprintf("020-%08d", r.IntN(100000000)), Email: fmt.Sprintf("office%03d@example.cn", i+1)}},
			},
		}
		if a.CouncilUnit {
			a.Roster.CouncilRep = &member.Person{Name: rep, Phone: a.Roster.MemberRep.Phone}
		}
		now.t = applied
		v, err := reg.Apply(ctx, a)
		if err != nil {
			return roster{}, fmt.Errorf("demo unit %s: %w", name, err)
		}
		switch i {
		case 0:
			out.showcase = v.ID
		case 17:
			out.expel = v.ID
		}
		if i >= units-10 {
			continue
		}
		joined := applied.AddDate(0, 0, 7+r.IntN(30))
		if joined.After(today) {
			joined = today
		}
		now.t = joined
		if _, err := reg.Transit(ctx, appmember.Transition{MemberID: v.ID, Action: "approve"}); err != nil {
			return roster{}, fmt.Errorf("demo approve %s: %w", name, err)
		}
		if err := laterLife(ctx, reg, now, r, v.ID, joined, today, i); err != nil {
			return roster{}, fmt.Errorf("demo history of %s: %w", name, err)
		}
	}
	now.t = today
	out.units = len(used)
	return out, nil
}

// laterLife gives an approved unit what happens to units over the years.
func laterLife(ctx context.Context, reg *appmember.Service, now *clockAt, r *rand.Rand, id int64, joined, today time.Time, i int) error {
	x := r.IntN(100)
	if i == 0 {
		x = 50 // the showcase unit stays an active, reviewed member
	}
	at := func(after time.Time) time.Time {
		gap := today.Sub(after)
		if gap <= 0 {
			return today
		}
		return after.Add(time.Duration(r.Int64N(int64(gap))))
	}
	switch {
	case x < 6:
		now.t = at(joined)
		_, err := reg.Transit(ctx, appmember.Transition{MemberID: id, Action: "withdraw", Reason: "业务调整，申请退会", On: &now.t})
		return err
	case i == 17: // expelled later, by a council resolution (see loadGovernance)
		return nil
	case x < 9:
		now.t = at(joined)
		_, err := reg.Transit(ctx, appmember.Transition{MemberID: id, Action: "suspend", Reason: "连续两年未参加年检"})
		return err
	}
	if x < 15 {
		now.t = at(joined)
		w := []member.Warning{{Text: "被列入经营异常名录", Level: []string{"low", "medium", "high"}[r.IntN(3)], Date: now.t, Source: "国家企业信用信息公示系统"}}
		if _, err := reg.Edit(ctx, id, member.Edit{Warnings: &w}); err != nil {
			return err
		}
	}
	// Most records were reviewed in the last year; some are overdue (8.1.2.4).
	if x < 85 && today.Sub(joined) > 30*24*time.Hour {
		now.t = today.AddDate(0, 0, -r.IntN(300)-1)
		if now.t.Before(joined) {
			now.t = joined
		}
		_, err := reg.Review(ctx, id)
		return err
	}
	return nil
}

// requestAsUnit files a change request as the demo member user would.
func requestAsUnit(ctx context.Context, reg *appmember.Service, unitID int64) error {
	p, _ := app.PrincipalFrom(ctx)
	p.Username, p.MemberID = "huiyuan", &unitID
	addr := "广州市黄埔区港前路 88 号速达物流园 A 栋"
	_, err := reg.RequestChange(app.WithPrincipal(ctx, p), member.Edit{Address: &addr}, "公司搬迁至新物流园，请更新住所")
	return err
}
