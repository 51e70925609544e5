package event

import (
	"context"
	"fmt"
	"strings"

	"huiguan/app"
	appfinding "huiguan/app/finding"
	"huiguan/domain/event"
	"huiguan/domain/finding"
)

// Event rules checked in FLAG mode.
const (
	RulePlan           = "R-8.2.1.1" // team, goals, tasks, plan and risks before registration opens
	RuleQualifications = "R-8.2.1.2" // providers' qualification documents on file
	RuleAnonymise      = "R-8.2.1.3" // attendee data erased on time
	RuleSafetyGate     = "R-8.2.1.4" // a large event's gate incomplete as it approaches
	RuleEmergency      = "R-8.2.1.6" // an emergency plan for every event
)

// Checks returns the module's compliance checks.
func (s *Service) Checks() []appfinding.Check {
	checks := []appfinding.Check{
		{RuleID: RulePlan, Clause: "8.2.1.1", Module: "event", Evaluate: s.each(s.planViolation)},
		{RuleID: RuleSafetyGate, Clause: "8.2.1.4", Module: "event", Evaluate: s.each(s.gateViolation)},
		{RuleID: RuleEmergency, Clause: "8.2.1.6", Module: "event", Evaluate: s.each(s.emergencyViolation)},
		{RuleID: RuleAnonymise, Clause: "8.2.1.3", Module: "event", Evaluate: s.each(s.retentionViolation)},
		{RuleID: RuleQualifications, Clause: "8.2.1.2", Module: "event", Evaluate: s.qualifications},
	}
	for i := range checks {
		checks[i].EvaluateObject = only(checks[i].Evaluate)
	}
	return checks
}

func only(all func(context.Context) ([]finding.Violation, error)) func(context.Context, string) (*finding.Violation, error) {
	return func(ctx context.Context, objectID string) (*finding.Violation, error) {
		vs, err := all(ctx)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			if v.ObjectID == objectID {
				return &v, nil
			}
		}
		return nil, nil
	}
}

// each evaluates a per-event rule over the events still in play.
func (s *Service) each(rule func(event.Event) *finding.Violation) func(context.Context) ([]finding.Violation, error) {
	return func(ctx context.Context) ([]finding.Violation, error) {
		var out []finding.Violation
		for page := 1; ; page++ {
			list, err := s.store.Events(ctx, Filter{}, app.Page{Page: page, PageSize: app.MaxPageSize})
			if err != nil {
				return nil, err
			}
			for _, e := range list.Items {
				if v := rule(e); v != nil {
					out = append(out, *v)
				}
			}
			if len(list.Items) < app.MaxPageSize {
				return out, nil
			}
		}
	}
}

func violation(e event.Event, sev finding.Severity, msg string) *finding.Violation {
	return &finding.Violation{ObjectType: "event", ObjectID: id(e.ID), ObjectLabel: e.Title, Severity: sev, Message: msg}
}

func (s *Service) planViolation(e event.Event) *finding.Violation {
	if e.Status != event.Published {
		return nil
	}
	var missing []string
	if len(e.Team) == 0 {
		missing = append(missing, "执行团队 team")
	}
	if strings.TrimSpace(e.Goals) == "" {
		missing = append(missing, "任务目标 goals")
	}
	if strings.TrimSpace(e.Plan) == "" {
		missing = append(missing, "工作计划 plan")
	}
	if len(e.Risks) == 0 {
		missing = append(missing, "风险清单 risks")
	}
	if len(missing) == 0 {
		return nil
	}
	return violation(e, finding.Warning, "策划缺少："+strings.Join(missing, "、"))
}

func (s *Service) gateViolation(e event.Event) *finding.Violation {
	if e.Status != event.Published || !e.Large(s.policy.LargeThreshold) {
		return nil
	}
	missing := e.GateMissing()
	if len(missing) == 0 {
		return nil
	}
	days := int(e.StartsAt.Sub(s.clock.Now()).Hours() / 24)
	if days > s.policy.FilingWarnDays {
		return nil
	}
	sev := finding.Info
	if days <= s.policy.FilingWarnDays/2 {
		sev = finding.Warning
	}
	return violation(e, sev, fmt.Sprintf("大型活动距开始 %d 天，安全条件未齐：%s / %d days to go, gate incomplete", days, strings.Join(missing, ", "), days))
}

func (s *Service) emergencyViolation(e event.Event) *finding.Violation {
	if e.Status != event.Published && e.Status != event.Held {
		return nil
	}
	if missing := e.Emergency.Missing(); len(missing) > 0 {
		return violation(e, finding.Warning, "应急预案不完整："+strings.Join(missing, ", "))
	}
	return nil
}

func (s *Service) retentionViolation(e event.Event) *finding.Violation {
	if e.Status != event.Closed || e.AnonymisedAt != nil {
		return nil
	}
	if ends := s.retentionEnds(e); !ends.IsZero() && s.clock.Now().After(ends) {
		return violation(e, finding.Warning, "参会人员个人信息已超过保存期限仍未匿名化 / attendee data past its retention")
	}
	return nil
}

func (s *Service) qualifications(ctx context.Context) ([]finding.Violation, error) {
	providers, err := s.store.AllProviders(ctx)
	if err != nil {
		return nil, err
	}
	var out []finding.Violation
	for _, p := range providers {
		if len(p.Qualifications) == 0 {
			out = append(out, finding.Violation{ObjectType: "provider", ObjectID: id(p.ID), ObjectLabel: p.Name, Severity: finding.Warning,
				Message: "服务商未提交资质文件 / no qualification documents"})
		}
	}
	return out, nil
}
