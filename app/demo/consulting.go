package demo

import (
	"context"
	"fmt"
	"time"

	"huiguan/app"
	appmember "huiguan/app/member"
	"huiguan/domain/consult"
	"huiguan/domain/member"
)

// loadConsulting fills the consulting book: three services within the
// business scope and four contracts at different points of their life — a
// government study closed and evaluated, a member's project in
// implementation, a foreign commission reviewed and signed, and a draft.
func loadConsulting(ctx context.Context, d Deps, today time.Time) error {
	c := d.Consulting
	svc := func(name, category, scope, fee string) (consult.Service, error) {
		return c.SaveService(ctx, consult.Service{Name: name, Category: category, ScopeItem: scope, FeeBasis: fee, Active: true,
			Description: name + "，由协会专家库成员组成项目组实施"})
	}
	research, err := svc("行业发展专题研究", "government", "政府委托事项", "按项目报价")
	if err != nil {
		return fmt.Errorf("service: %w", err)
	}
	safety, err := svc("安全生产标准化咨询", "management", "咨询服务", "按人天计费")
	if err != nil {
		return err
	}
	standards, err := svc("团体标准编制辅导", "quality_infrastructure", "行业标准制定与推广", "按项目报价")
	if err != nil {
		return err
	}

	list, err := d.Members.List(ctx, appmember.Filter{Status: member.Active, Sort: "member_no"}, app.Page{Page: 1, PageSize: 3})
	if err != nil || len(list.Items) == 0 {
		return err
	}
	memberID := list.Items[0].ID
	gov, err := c.SaveClient(ctx, consult.Client{Name: "广东省交通运输厅", Kind: consult.Government})
	if err != nil {
		return err
	}
	unit, err := c.SaveClient(ctx, consult.Client{Name: list.Items[0].Name, Kind: consult.MemberClient, MemberID: &memberID})
	if err != nil {
		return err
	}
	hk, err := c.SaveClient(ctx, consult.Client{Name: "香港物流商会", Kind: consult.Organisation, Foreign: true})
	if err != nil {
		return err
	}
	local, err := c.SaveClient(ctx, consult.Client{Name: "佛山市南海区物流产业园管理委员会", Kind: consult.Government})
	if err != nil {
		return err
	}

	contract := func(client, service int64, title string, feeYuan int64, start time.Time, months int, special bool) (consult.Contract, error) {
		end := start.AddDate(0, months, 0)
		fee := feeYuan * 100
		first := fee * 3 / 10
		return c.SaveContract(ctx, consult.Contract{ClientID: client, ServiceID: service, Title: title, Scope: title + "，含调研、分析与报告",
			Team: []string{"陈秘书长", "行业专家 王教授", "研究部 刘工"}, FeeFen: fee, StartsOn: start, EndsOn: end, SpecialFund: special,
			Plan:            []consult.Instalment{{DueOn: start.AddDate(0, 0, 15), AmountFen: first}, {DueOn: end, AmountFen: fee - first}},
			Deliverables:    []consult.Deliverable{{Title: "中期报告", DueOn: start.AddDate(0, months/2, 0), Metric: "专家评审通过"}, {Title: "最终报告", DueOn: end, Metric: "委托方验收"}},
			Confidentiality: "项目资料仅限项目组使用，结项后三年内保密", IPTerms: "成果著作权归委托方，协会保留署名权",
			DataProtection: "企业数据脱敏后使用", ApplicableLaws: "中华人民共和国民法典",
			Declarations: []consult.Declaration{{Person: "行业专家 王教授", Conflict: false, Note: "与受访企业无利益关系"}}})
	}
	stages := func(id int64, upTo consult.Stage, start time.Time) error {
		for i, st := range consult.Stages {
			if _, err := c.AddStage(ctx, id, st, stageSummary[st], "", []string{fmt.Sprintf("%s-%02d.pdf", st, i+1)}); err != nil {
				return fmt.Errorf("stage %s: %w", st, err)
			}
			if st == upTo {
				return nil
			}
		}
		return nil
	}

	// A government study: signed, run through all nine stages, ring-fenced funds.
	start := today.AddDate(-1, -2, 0)
	study, err := contract(gov.ID, research.ID, "广东省冷链物流发展现状与对策研究", 380000, start, 8, true)
	if err != nil {
		return fmt.Errorf("study: %w", err)
	}
	if _, err := c.Sign(ctx, study.ID, start, "合同扫描件-冷链研究.pdf"); err != nil {
		return err
	}
	if err := stages(study.ID, "performance_evaluation", start); err != nil {
		return err
	}
	for _, l := range []struct {
		name       string
		budget     int64
		spent      int64
		expenseFor string
	}{{"专家咨询费", 12000000, 10500000, "专家评审会劳务"}, {"调研差旅费", 8000000, 6230000, "珠三角 12 家冷库实地调研"}, {"印刷出版费", 3000000, 2860000, "研究报告印制 300 册"}} {
		line, err := c.AddBudgetLine(ctx, study.ID, l.name, l.budget)
		if err != nil {
			return err
		}
		if _, err := c.Charge(ctx, study.ID, line.ID, l.spent, start.AddDate(0, 3, 0), l.expenseFor); err != nil {
			return err
		}
	}
	for _, p := range study.Plan {
		if _, err := c.AddReceipt(ctx, study.ID, p.AmountFen, p.DueOn, "财政授权支付 "+p.DueOn.Format("20060102")); err != nil {
			return err
		}
	}

	// A member's safety project, now in implementation.
	start = today.AddDate(0, -3, 0)
	proj, err := contract(unit.ID, safety.ID, "仓储安全生产标准化二级达标咨询", 86000, start, 6, false)
	if err != nil {
		return fmt.Errorf("member project: %w", err)
	}
	if _, err := c.Sign(ctx, proj.ID, start, "合同扫描件-安全标准化.pdf"); err != nil {
		return err
	}
	if err := stages(proj.ID, "implementation", start); err != nil {
		return err
	}
	if _, err := c.AddReceipt(ctx, proj.ID, proj.Plan[0].AmountFen, proj.Plan[0].DueOn, "银行回单 "+proj.Plan[0].DueOn.Format("20060102")); err != nil {
		return err
	}

	// A foreign commission: reviewed for compliance before signing (8.2.2.5).
	start = today.AddDate(0, -1, 0)
	cross, err := contract(hk.ID, standards.ID, "粤港跨境冷链团体标准对接研究", 150000, start, 10, false)
	if err != nil {
		return fmt.Errorf("foreign commission: %w", err)
	}
	if _, err := c.RecordReview(ctx, cross.ID, consult.Review{Reviewer: "法律顾问 何律师", ReviewedOn: start.AddDate(0, 0, -7), Approved: true,
		Conclusion: "委托方为依法登记的境外商会，研究内容不涉及国家秘密与重要数据，同意签约"}); err != nil {
		return err
	}
	if _, err := c.Sign(ctx, cross.ID, start, "合同扫描件-粤港标准.pdf"); err != nil {
		return err
	}
	if err := stages(cross.ID, "planning", start); err != nil {
		return err
	}

	// A draft still being negotiated.
	draft, err := contract(local.ID, research.ID, "南海物流产业园招商与产业规划咨询", 120000, today.AddDate(0, 1, 0), 5, true)
	if err != nil {
		return fmt.Errorf("draft: %w", err)
	}
	_, err = c.AddStage(ctx, draft.ID, "requirements", stageSummary["requirements"], "", []string{"需求调研纪要.docx"})
	return err
}

var stageSummary = map[consult.Stage]string{
	"requirements":           "与委托方座谈，明确研究问题与成果形式",
	"feasibility":            "评估团队能力、周期与经费，可行",
	"planning":               "形成项目方案：调研对象、方法、进度与分工",
	"approval":               "秘书长办公会立项",
	"implementation":         "按方案开展调研、访谈和数据分析",
	"review":                 "专家评审会评审中期与最终成果",
	"acceptance":             "委托方组织验收，出具验收意见",
	"closure":                "资料归档，财务决算",
	"performance_evaluation": "委托方满意度评价：满意",
}
