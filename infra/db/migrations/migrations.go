// Package migrations lists HuiGuan's schema steps. Each step describes its
// tables with structs frozen at that version: later code may change its
// records, never these.
package migrations

import "huiguan/infra/db"

// All returns every migration in version order.
func All() []db.Migration {
	return []db.Migration{
		{Version: 1, Name: "foundation: users, sessions, audit, rbac, jobs, findings", Up: foundation},
		{Version: 2, Name: "member registry: tiers, members, lifecycle events, locks, sequences", Up: members},
		{Version: 3, Name: "member change requests, settings", Up: memberRequests},
		{Version: 4, Name: "governance: association, bodies, meetings, resolutions, positions, branches", Up: governance},
		{Version: 5, Name: "fees: standards, bills, payments, fund, disclosures, idempotency keys, notices", Up: fees},
		{Version: 6, Name: "events: events, tasks, providers, registrations", Up: events},
		{Version: 7, Name: "credit: records, proposals, list entries, appeals and repairs", Up: creditTables},
		{Version: 8, Name: "consulting: services, clients, contracts, stages, budgets, expenses, receipts", Up: consulting},
		{Version: 9, Name: "scorecard: rounds, evidence scores, improvement actions", Up: scorecardTables},
	}
}
