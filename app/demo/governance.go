package demo

import (
	"context"
	"fmt"
	"time"

	"huiguan/app"
	appgov "huiguan/app/governance"
	appmember "huiguan/app/member"
	gov "huiguan/domain/governance"
	"huiguan/domain/member"
)

// DemoFullName is the demo association's registered full name.
const DemoFullName = "广东省物流行业协会"

func date(s string) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, shanghaiLoc)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

var shanghaiLoc = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// loadGovernance records the association's profile, its bodies of the
// third term, the 2023 election assembly with its resolutions, officers,
// branches (one awaiting a place-name review), and a council meeting that
// expels one unit.
func loadGovernance(ctx context.Context, d Deps, r roster) (int64, error) {
	g := d.Governance
	code := "51440000MJL0000" + "7Q"
	code += string(member.CheckChar(code))
	if _, err := g.SaveAssociation(ctx, gov.Association{FullName: DemoFullName, ShortName: "省物流协会", USCC: member.USCC(code),
		BusinessScope:         []string{"行业标准制定与推广", "行业培训", "咨询服务", "会展服务", "行业信息交流", "政府委托事项"},
		RegistrationAuthority: "广东省民政厅", RegisteredOn: date("2001-06-18")}); err != nil {
		return 0, fmt.Errorf("association: %w", err)
	}
	// Council seats: the units of the top three tiers that are current.
	var current []appmember.View
	for page := 1; ; page++ {
		list, err := d.Members.List(ctx, appmember.Filter{Status: member.Active, Sort: "member_no"}, app.Page{Page: page, PageSize: app.MaxPageSize})
		if err != nil {
			return 0, err
		}
		current = append(current, list.Items...)
		if len(list.Items) < app.MaxPageSize {
			break
		}
	}
	var councilSeats []gov.Seat
	var assemblyPresent []gov.Attendance
	var president *int64 // a council unit in good standing (R-7.3.3.1-c)
	for i, v := range current {
		id := v.ID
		if president == nil && v.CouncilUnit && v.RiskLevel == "" && v.ID != r.showcase {
			president = &id
		}
		if v.CouncilUnit && len(councilSeats) < 40 {
			councilSeats = append(councilSeats, gov.Seat{MemberID: &id})
		}
		if i%6 != 5 { // five in six attend the assembly
			assemblyPresent = append(assemblyPresent, gov.Attendance{Seat: gov.Seat{MemberID: &id}, Status: gov.Present})
		}
	}
	term := func(kind gov.BodyKind, name string, seats []gov.Seat, powers string) (gov.Body, error) {
		return g.SaveBody(ctx, gov.Body{Kind: kind, Name: name, TermNo: 3, TermStart: date("2023-03-18"), TermEnd: date("2028-03-17"),
			Seats: seats, Rules: gov.DefaultRules, Powers: powers, FormationMethod: "由会员大会选举产生", RemovalMethod: "由会员大会罢免"})
	}
	assembly, err := term(gov.GeneralAssembly, "第三届会员大会", nil, "制定和修改章程，选举和罢免理事、监事，制定和修改会费标准")
	if err != nil {
		return 0, fmt.Errorf("assembly: %w", err)
	}
	council, err := term(gov.Council, "第三届理事会", councilSeats, "执行会员大会决议，选举会长、副会长、秘书长，决定分支机构的设立")
	if err != nil {
		return 0, fmt.Errorf("council: %w", err)
	}
	var supervisors []gov.Seat
	for _, n := range []string{"周监事长", "吴晓东", "何丽华"} {
		supervisors = append(supervisors, gov.Seat{PersonName: n})
	}
	if _, err := term(gov.SupervisoryBoard, "第三届监事会", supervisors, "监督理事会和秘书处依章程开展工作，审查财务"); err != nil {
		return 0, err
	}
	var office []gov.Seat
	for _, n := range []string{"黄会长", "梁副会长", "林副会长", "陈秘书长"} {
		office = append(office, gov.Seat{PersonName: n})
	}
	if _, err := term(gov.PresidentOffice, "第三届会长办公会", office, "研究日常重大事项，审议评价报告"); err != nil {
		return 0, err
	}

	election, err := g.RecordMeeting(ctx, gov.Meeting{BodyID: assembly.ID, Kind: gov.Election, Title: "第三届会员大会第一次会议（换届大会）",
		HeldOn: date("2023-03-18"), Place: "广州白云国际会议中心", Agenda: "换届选举；审议会费标准", Attended: assemblyPresent})
	if err != nil {
		return 0, fmt.Errorf("election meeting: %w", err)
	}
	attending := election.Attending
	_, err = g.AddResolution(ctx, election.ID, gov.Resolution{Title: "选举产生第三届理事会、监事会", Kind: gov.ElectionResult,
		VotesFor: attending - 6, VotesAgainst: 2, VotesAbstain: 4})
	if err != nil {
		return 0, fmt.Errorf("election resolution: %w", err)
	}
	feeRes, err := g.AddResolution(ctx, election.ID, gov.Resolution{Title: "关于调整会费标准的决议（2023 年起）", Kind: gov.FeeStandard,
		Text: "会长单位 5 万元、副会长单位 2 万元、理事单位 8000 元、会员单位 2000 元，每年一次缴纳。", VotesFor: attending - 10, VotesAgainst: 6, VotesAbstain: 4})
	if err != nil {
		return 0, fmt.Errorf("fee resolution: %w", err)
	}

	for _, p := range []gov.PositionType{
		{Title: gov.President, Powers: "召集和主持理事会、会长办公会，检查会员大会、理事会决议的落实", AppointmentMethod: "理事会选举", RemovalMethod: "理事会罢免", TermYears: 5},
		{Title: gov.VicePresident, Powers: "协助会长工作", AppointmentMethod: "理事会选举", RemovalMethod: "理事会罢免", TermYears: 5},
		{Title: gov.SecretaryGeneral, Powers: "主持秘书处日常工作，组织实施年度工作计划", AppointmentMethod: "理事会聘任", RemovalMethod: "理事会解聘", TermYears: 5},
		{Title: gov.ChiefSupervisor, Powers: "召集和主持监事会", AppointmentMethod: "会员大会选举", RemovalMethod: "会员大会罢免", TermYears: 5},
	} {
		if _, err := g.SavePositionType(ctx, p); err != nil {
			return 0, err
		}
	}
	councilMeeting := func(title, held string, kind gov.MeetingKind) (gov.Meeting, error) {
		var att []gov.Attendance
		for i, s := range councilSeats {
			st := gov.Present
			if i%8 == 7 {
				st = gov.Absent
			}
			att = append(att, gov.Attendance{Seat: s, Status: st})
		}
		return g.RecordMeeting(ctx, gov.Meeting{BodyID: council.ID, Kind: kind, Title: title, HeldOn: date(held), Place: "协会会议室", Attended: att})
	}
	first, err := councilMeeting("第三届理事会第一次会议", "2023-03-18", gov.Election)
	if err != nil {
		return 0, fmt.Errorf("council meeting: %w", err)
	}
	officers, err := g.AddResolution(ctx, first.ID, gov.Resolution{Title: "选举会长、副会长，聘任秘书长", Kind: gov.ElectionResult, VotesFor: first.Attending})
	if err != nil {
		return 0, err
	}
	showcase := r.showcase
	for _, t := range []gov.Tenure{
		{Title: gov.President, PersonName: "黄会长", MemberID: president},
		{Title: gov.VicePresident, PersonName: "梁副会长", MemberID: councilSeats[1].MemberID},
		{Title: gov.VicePresident, PersonName: "林副会长", MemberID: &showcase},
		{Title: gov.SecretaryGeneral, PersonName: "陈秘书长", FullTime: true},
		{Title: gov.ChiefSupervisor, PersonName: "周监事长"},
	} {
		t.TermNo, t.TermStart, t.TermEnd, t.ResolutionID = 3, date("2023-03-18"), date("2028-03-17"), &officers.ID
		if t.Title == gov.SecretaryGeneral { // the secretary-general's second consecutive full-time term
			prev := t
			prev.TermNo, prev.TermStart, prev.TermEnd = 2, date("2018-03-20"), date("2023-03-17")
			if _, err := g.Appoint(ctx, prev); err != nil {
				return 0, fmt.Errorf("tenure: %w", err)
			}
		}
		if _, err := g.Appoint(ctx, t); err != nil {
			return 0, fmt.Errorf("tenure %s: %w", t.PersonName, err)
		}
	}
	second, err := councilMeeting("第三届理事会第四次会议", "2025-12-12", gov.Regular)
	if err != nil {
		return 0, err
	}
	branchesRes, err := g.AddResolution(ctx, second.ID, gov.Resolution{Title: "关于设立分支机构和代表机构的决议", Kind: gov.OtherDecision, VotesFor: second.Attending - 1, VotesAbstain: 1})
	if err != nil {
		return 0, err
	}
	expulsion, err := g.AddResolution(ctx, second.ID, gov.Resolution{Title: "关于将严重失信会员单位除名的决议", Kind: gov.ExpulsionDecision,
		Text: "经监事会核查，该单位存在严重失信行为，依章程第十四条予以除名。", VotesFor: second.Attending - 2, VotesAgainst: 1, VotesAbstain: 1})
	if err != nil {
		return 0, err
	}
	for _, b := range []struct {
		kind  gov.BranchKind
		name  string
		scope []string
		head  string
	}{
		{gov.BranchUnit, DemoFullName + "冷链物流专业委员会", []string{"行业标准制定与推广", "行业培训"}, "梁志强"},
		{gov.BranchUnit, DemoFullName + "跨境电商物流专业委员会", []string{"行业信息交流", "会展服务"}, "何嘉欣"},
		{gov.RepresentativeOffice, DemoFullName + "标准化工作联络处", []string{"行业标准制定与推广"}, "罗文彬"},
		{gov.BranchUnit, DemoFullName + "佛山分会", []string{"行业信息交流"}, "谢少华"},
	} {
		br, err := g.CreateBranch(ctx, b.kind, b.name, b.scope, b.head, &branchesRes.ID, false, false)
		if err != nil {
			return 0, fmt.Errorf("branch %s: %w", b.name, err)
		}
		if br.Status == gov.Established {
			if _, err := g.ActOnBranch(ctx, appgov.BranchAction{BranchID: br.ID, Action: "activate"}); err != nil {
				return 0, err
			}
		}
	}
	on := date("2025-12-12")
	_, err = d.Members.Transit(ctx, appmember.Transition{MemberID: r.expel, Action: "expel", Reason: "严重违反章程，经查实存在失信行为",
		Approver: "黄会长", ResolutionID: &expulsion.ID, On: &on})
	return feeRes.ID, err
}
