package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"huiguan/app"
	appevent "huiguan/app/event"
	appmember "huiguan/app/member"
	"huiguan/domain/event"
	"huiguan/domain/member"
)

// demoEvents are a year of the association's events around today: past
// ones closed with attendance and surveys, current ones in registration,
// two large exhibitions — one with its safety gate complete, one not.
var demoEvents = []struct {
	title    string
	kind     event.Kind
	offset   int // days from today
	expected int
	capacity int
	venue    string
	gate     bool // complete the safety gate
}{
	{"2026 华南国际物流博览会", event.Exhibition, 24, 8000, 6000, "广州琶洲国际会展中心", true},
	{"冷链物流装备展", event.Exhibition, 12, 1500, 1200, "深圳国际会展中心", false},
	{"物流行业年度峰会", event.Forum, 45, 600, 500, "广州白云国际会议中心", false},
	{"道路货运新规政策宣讲会", event.PolicyBriefing, 6, 120, 150, "协会报告厅", false},
	{"跨境电商物流供需对接会", event.Matchmaking, 18, 200, 180, "前海国际会议中心", false},
	{"仓储安全管理培训班（第三期）", event.Training, -20, 60, 60, "协会培训室", false},
	{"冷链团体标准发布会", event.Release, -45, 150, 150, "广州白云国际会议中心", false},
	{"粤港澳物流合作交流会", event.International, -80, 180, 200, "香港会议展览中心", false},
	{"会员企业数字化转型交流沙龙", event.Exchange, -120, 80, 80, "协会会议室", false},
	{"危险品运输安全培训", event.Training, -160, 90, 90, "协会培训室", false},
}

func loadEvents(ctx context.Context, d Deps, today time.Time) error {
	r := rand.New(rand.NewPCG(2026, 7))
	list, err := d.Members.List(ctx, appmember.Filter{Status: member.Active, Sort: "member_no"}, app.Page{Page: 1, PageSize: 120})
	if err != nil {
		return err
	}
	units := list.Items
	ev := d.Events
	for i, spec := range demoEvents {
		start := time.Date(today.Year(), today.Month(), today.Day(), 1, 30, 0, 0, time.UTC).AddDate(0, 0, spec.offset)
		e, err := ev.SaveEvent(ctx, event.Event{Title: spec.title, Kind: spec.kind, StartsAt: start, EndsAt: start.Add(time.Duration(6+r.IntN(30)) * time.Hour),
			Venue: spec.venue, Capacity: spec.capacity, ExpectedAttendance: spec.expected, BudgetFen: int64(spec.expected) * 15000,
			Lead: []string{"梁志强", "何嘉欣", "罗文彬", "陈立"}[i%4], Goals: "服务会员，促进行业交流与合作",
			Plan:   "筹备、宣传、报名、现场执行、总结五个阶段，每周例会推进",
			Team:   []event.TeamMember{{Name: "何嘉欣", Role: "执行负责人", Responsibility: "现场统筹"}, {Name: "罗文彬", Role: "安全负责人", Responsibility: "安全与应急"}},
			Risks:  []event.Risk{{Risk: "人员聚集", Control: "分区限流、专人引导"}, {Risk: "恶劣天气", Control: "提前发布预警，预留延期方案"}},
			Fields: []string{"company", "title"}, ConsentPurpose: "用于本次活动的报名确认、签到和安全管理，活动结束 90 天后删除"})
		if err != nil {
			return fmt.Errorf("event %s: %w", spec.title, err)
		}
		if _, err := ev.SaveTask(ctx, event.Task{EventID: e.ID, Title: "场地确认与合同签订", Owner: "何嘉欣", DueOn: start.AddDate(0, 0, -30), Status: "done"}); err != nil {
			return err
		}
		if _, err := ev.SaveTask(ctx, event.Task{EventID: e.ID, Title: "宣传与报名", Owner: "罗文彬", DueOn: start.AddDate(0, 0, -7), Status: "doing"}); err != nil {
			return err
		}
		if _, err := ev.SaveProvider(ctx, event.Provider{EventID: e.ID, Name: "粤安保安服务有限公司", Service: "security", Qualifications: []string{"保安服务许可证"},
			ContractRef: fmt.Sprintf("HT-%d-%03d", start.Year(), i+1), ContractTerms: "现场安保与人流疏导", Quality: "零安全事故，响应时间 5 分钟"}, true); err != nil {
			return err
		}
		plan := spec.gate || spec.offset < 0 || i%2 == 0
		if plan {
			if _, err := ev.RecordEmergencyPlan(ctx, e.ID, event.EmergencyPlan{PublicSafety: "人流疏导、分区管控、疏散演练", FoodSafety: "餐饮供应商资质核验与留样",
				Medical: "设医疗点，联系就近医院", OnlineOpinion: "专人监测舆情，统一口径回应", Procedure: "分级响应，总指挥统一调度",
				Roles: []event.TeamMember{{Name: "罗文彬", Role: "应急总指挥"}}, VenueAgreed: true, VendorsAgreed: true}); err != nil {
				return err
			}
		}
		if spec.gate || (spec.offset < 0 && ev.Large(e)) {
			if err := completeDemoGate(ctx, ev, e.ID, start); err != nil {
				return err
			}
		}
		if _, _, err := ev.Transition(ctx, e.ID, "publish"); err != nil {
			return fmt.Errorf("publish %s: %w", spec.title, err)
		}
		n := min(len(units), spec.capacity/3+r.IntN(10))
		var codes []string
		for j := 0; j < n; j++ {
			u := units[(i*7+j)%len(units)]
			id := u.ID
			reg, err := ev.Register(ctx, e.ID, event.Registration{MemberID: &id, Name: u.MemberRep.Name, Phone: fmt.Sprintf("137%08d", i*1000+j),
				Company: u.Name, Title: "经理", Consent: true})
			if err != nil {
				return fmt.Errorf("register %s: %w", spec.title, err)
			}
			codes = append(codes, reg.Code)
		}
		if spec.offset >= 0 {
			continue
		}
		if _, _, err := ev.Transition(ctx, e.ID, "hold"); err != nil {
			return fmt.Errorf("hold %s: %w", spec.title, err)
		}
		for j, code := range codes {
			if j%6 == 5 {
				continue // some did not come
			}
			if _, err := ev.CheckIn(ctx, e.ID, code); err != nil {
				return err
			}
			if j%3 == 0 {
				if err := ev.Survey(ctx, e.ID, code, 4+r.IntN(2), ""); err != nil {
					return err
				}
			}
		}
		if _, _, err := ev.Transition(ctx, e.ID, "close"); err != nil {
			return err
		}
		if _, err := ev.SetSummary(ctx, e.ID, "活动按计划完成，参会单位反馈良好，已形成总结报告并归档。"); err != nil {
			return err
		}
	}
	return nil
}

func completeDemoGate(ctx context.Context, ev *appevent.Service, eventID int64, start time.Time) error {
	if _, err := ev.RecordFiling(ctx, eventID, event.SafetyFiling{Authority: "广州市公安局海珠区分局", FilingNo: fmt.Sprintf("GA-%d-%03d", start.Year(), eventID),
		FiledOn: start.AddDate(0, 0, -15), Document: "活动安全报备回执"}); err != nil {
		return err
	}
	_, err := ev.RecordInspection(ctx, eventID, []appevent.InspectionItem{{Item: "evacuation_signs", OK: true}, {Item: "exits_clear", OK: true}, {Item: "equipment_valid", OK: true}})
	return err
}
