//! Runs the churn scenario from the command line and prints its figures, as a table or as
//! one JSON object, so a run can be exported and checked without a browser.
//!
//! `cargo run --release --example scenario -- --seed 42 --json`

use std::process::ExitCode;

use mlops_lab::sim::{self, Config, DriftKind, DriftShape, Outcome, PolicyKind, Preset};

const HELP: &str = "\
Run the MLOps Lab churn scenario and print its figures.

USAGE:
    cargo run --release --example scenario -- [OPTIONS]

OPTIONS:
    --seed <u64>                 random seed [default: 42]
    --preset <name>              article | side-signal | promo | price-rise | prior-shift |
                                 ramp | long-delay | no-drift [default: article]
                                 (at most once; applied first, the options below
                                 override it)
    --drift <kind>               none | concept | concept-side-signal | promo | price-rise | prior
    --strength <0..2>            drift strength, 1 = the scenario's size
    --onset <day>                first day the drift acts on
    --shape <step|ramp>          drift shape
    --ramp-days <1..56>          days a ramp takes to reach full strength
    --label-delay <7..35>        days from a weekly score to final labels
    --cohort-size <500..20000>   customers scored each week
    --intercept <-6.5..-3.5>     intercept of the true churn process (sets prevalence)
    --alert-f1 <0.5..0.95>       alert when matured F1 falls below this
    --alert-drop <0.01..0.3>     alert when matured F1 drops more than this
    --horizon <28..126>          days simulated after the first deployment
    --policy <no-loop|manual|loop>  policy listed first in the table [default: loop]
    --ignore-alert               bad decision: dismiss the loop's first alert
    --stale-retrain              bad decision: first retrain on pre-drift data
    --skip-gate                  bad decision: deploy without enforcing the gate
    --force-rollback             bad decision: roll back the day after promotion
    --arpu <NIS>                 average revenue per user a month [default: 55]
    --offer-cost <NIS>           cost of the retention offer [default: 55]
    --save-rate <0..1>           share of flagged churners saved [default: 0.18]
    --fp-accept <0..1>           share of flagged stayers who accept [default: 0.5]
    --months <1..60>             months a saved customer stays [default: 12]
    --control <0..0.5>           share kept out of the campaign as a control group,
                                 0 for none [default: 0.2]
    --loop-retrain-after <0..14> loop: days from the alert to the retrain [default: 1]
    --canary-days <1..14>        fewest days a canary runs before promotion [default: 1]
    --dashboard-weekday <0..6>   manual: the dashboard is read when day % 7 is this
                                 [default: 3]
    --manual-retrain-after <days>   manual: drop noticed to retrain and QA [default: 3]
    --manual-release-after <days>   manual: drop noticed to release [default: 11]
    --review-day <day>           no loop: business review [default: 35]
    --no-loop-retrain-day <day>  no loop: retrain finished [default: 44]
    --no-loop-deploy-day <day>   no loop: release window [default: 52]
    --incident <kind:day>        switch a production incident on (repeatable): peak,
                                 slow-release, units, late-pipeline or lost-replica,
                                 on a day before the horizon, e.g. --incident peak:10
    --slowdown <times>           a slower release's service time in times the usual
                                 one, 1.1 to 4 [default: 2.5]
    --json                       print one JSON object instead of a table
    -h, --help                   print this help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    let (config, json) = match parse(&args) {
        Ok(v) => v,
        Err(msg) => {
            eprintln!("error: {msg}\nRun with --help to see the options.");
            return ExitCode::from(2);
        }
    };
    match sim::run(&config) {
        Ok(outcome) => {
            if json {
                println!("{}", to_json(&outcome));
            } else {
                print_table(&outcome);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: invalid configuration: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> Result<(Config, bool), String> {
    // The preset is applied first so the other options refine it, in any order.
    let mut config = Config::default();
    if args.iter().filter(|a| *a == "--preset").count() > 1 {
        return Err("--preset can be given only once".to_string());
    }
    if let Some(i) = args.iter().position(|a| a == "--preset") {
        let name = args.get(i + 1).ok_or("--preset needs a value")?;
        let preset = Preset::from_slug(name).ok_or_else(|| format!("unknown preset '{name}'"))?;
        config = Config::preset(preset);
    }
    let mut json = false;
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        let mut value = || -> Result<&str, String> {
            i += 1;
            args.get(i)
                .map(String::as_str)
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag {
            "--json" => json = true,
            "--ignore-alert" => config.bad.ignore_alert = true,
            "--stale-retrain" => config.bad.retrain_on_stale_data = true,
            "--skip-gate" => config.bad.skip_gate = true,
            "--force-rollback" => config.bad.force_rollback = true,
            "--preset" => {
                value()?;
            }
            "--seed" => config.seed = num(flag, value()?)?,
            "--drift" => {
                let v = value()?;
                config.drift =
                    DriftKind::from_slug(v).ok_or_else(|| format!("unknown drift kind '{v}'"))?;
            }
            "--strength" => config.strength = num(flag, value()?)?,
            "--onset" => config.onset_day = num(flag, value()?)?,
            "--shape" => {
                let v = value()?;
                config.shape =
                    DriftShape::from_slug(v).ok_or_else(|| format!("unknown shape '{v}'"))?;
            }
            "--ramp-days" => config.ramp_days = num(flag, value()?)?,
            "--label-delay" => config.label_delay_days = num(flag, value()?)?,
            "--cohort-size" => config.cohort_size = num(flag, value()?)?,
            "--intercept" => config.base_intercept = num(flag, value()?)?,
            "--alert-f1" => config.alert_f1 = num(flag, value()?)?,
            "--alert-drop" => config.alert_drop = num(flag, value()?)?,
            "--horizon" => config.horizon_days = num(flag, value()?)?,
            "--policy" => {
                let v = value()?;
                config.policy =
                    PolicyKind::from_slug(v).ok_or_else(|| format!("unknown policy '{v}'"))?;
            }
            "--arpu" => config.business.arpu_nis = num(flag, value()?)?,
            "--offer-cost" => config.business.offer_cost_nis = num(flag, value()?)?,
            "--save-rate" => config.business.save_rate = num(flag, value()?)?,
            "--fp-accept" => config.business.fp_accept_rate = num(flag, value()?)?,
            "--months" => config.business.months_retained = num(flag, value()?)?,
            "--control" => config.business.control_share = num(flag, value()?)?,
            "--loop-retrain-after" => config.timings.loop_retrain_after = num(flag, value()?)?,
            "--canary-days" => config.timings.canary_days = num(flag, value()?)?,
            "--dashboard-weekday" => config.timings.dashboard_weekday = num(flag, value()?)?,
            "--manual-retrain-after" => {
                config.timings.manual_retrain_after = num(flag, value()?)?;
            }
            "--manual-release-after" => {
                config.timings.manual_release_after = num(flag, value()?)?;
            }
            "--review-day" => config.timings.business_review_day = num(flag, value()?)?,
            "--no-loop-retrain-day" => config.timings.no_loop_retrain_day = num(flag, value()?)?,
            "--no-loop-deploy-day" => config.timings.no_loop_deploy_day = num(flag, value()?)?,
            "--incident" => {
                let v = value()?;
                let (slug, day) = v
                    .split_once(':')
                    .ok_or(format!("{flag}: '{v}' is not kind:day"))?;
                let kind = sim::ops::IncidentKind::from_slug(slug)
                    .ok_or(format!("{flag}: unknown incident '{slug}'"))?;
                config.incidents.set(kind, Some(num(flag, day)?));
            }
            "--slowdown" => config.incidents.slowdown = num(flag, value()?)?,
            other => return Err(format!("unknown option '{other}'")),
        }
        i += 1;
    }
    config.validate().map_err(|e| e.to_string())?;
    Ok((config, json))
}

fn num<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String> {
    v.parse()
        .map_err(|_| format!("{flag}: '{v}' is not a valid number"))
}

fn to_json(o: &Outcome) -> String {
    let h = &o.headline;
    let value = serde_json::json!({
        "seed": o.config.seed,
        "f1_before_drift": h.f1_before_drift,
        "f1_stale_two_weeks_after_deploy": h.f1_stale_two_weeks_after_deploy,
        "f1_after_fix": h.f1_after_fix,
        "days_alert_to_fix_with_loop": h.days_alert_to_fix_with_loop,
        "degraded_days_with_loop": h.degraded_days_with_loop,
        "degraded_days_manual": h.degraded_days_manual,
        "degraded_days_without_loop": h.degraded_days_without_loop,
        "saving_nis": h.saving_nis,
        "saving_over_manual_nis": h.saving_over_manual_nis,
        "loss_per_degraded_day_nis": h.loss_per_degraded_day_nis,
        "days_loop_spared": h.days_loop_spared,
        // The day the lab opens on when its address names none.
        "opening_day": mlops_lab::scenario::story::opening_day(o),
        "churn_reduction_healthy": h.churn_reduction_healthy,
        "digest": format!("{:016x}", o.digest()),
        "config": o.config,
        "models": o.models,
        "weeks": o.weeks,
        "policies": o.policies.iter().map(|p| serde_json::json!({
            "kind": p.kind,
            "degraded_days": p.degraded_days,
            "value_nis": p.value_nis,
            "first_alert_day": p.first_alert_day,
            "first_promotion_day": p.first_promotion_day,
            "days": p.days,
        })).collect::<Vec<_>>(),
        "timeline": o.timeline(),
        "reference_segments": o.reference_segments,
        "ops": {
            "responses": o.ops.responses.iter().map(|r| serde_json::json!({
                "kind": r.kind,
                "level": r.level,
                "detected_by": r.detected.map(|d| d.1),
                "minutes_to_detect": r.minutes_to_detect(),
                "minutes_to_recover": r.minutes_to_recover(),
                "slo_breach_minutes": r.slo_breach_minutes,
                "failed_requests": r.failed_requests,
                "campaign_days_lost": r.campaign_days_lost,
                "cost_nis": r.cost_nis(),
                "sla_credit_nis": r.sla_credit_nis,
            })).collect::<Vec<_>>(),
            "checks": o.ops.checks,
            "skew": o.ops.skew,
            "budget_left": o.ops.budget_left.iter().map(|b| b.last()).collect::<Vec<_>>(),
            "sla_credits_nis": o.ops.sla_credits_nis,
            "batches": o.ops.batches,
        },
        "thresholds": o.thresholds.iter().map(|p| serde_json::json!({
            "threshold": p.threshold,
            "f1": p.confusion.f1(),
            "value_nis": p.value_nis,
        })).collect::<Vec<_>>(),
    });
    value.to_string()
}

fn print_table(o: &Outcome) {
    let h = &o.headline;
    let opt = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.3}"));
    println!("MLOps Lab churn scenario, seed {}", o.config.seed);
    println!();
    println!(
        "{:<44} {:>12}",
        "F1 before drift",
        format!("{:.3}", h.f1_before_drift)
    );
    println!(
        "{:<44} {:>12}",
        "F1 of the stale model, two weeks after deploy",
        format!("{:.3}", h.f1_stale_two_weeks_after_deploy)
    );
    println!(
        "{:<44} {:>12}",
        "F1 after the fix (automated loop)",
        opt(h.f1_after_fix)
    );
    println!(
        "{:<44} {:>12}",
        "days from alert to fix (automated loop)",
        h.days_alert_to_fix_with_loop
            .map_or("-".into(), |d| d.to_string())
    );
    println!(
        "{:<44} {:>12}",
        "degraded days, automated loop", h.degraded_days_with_loop
    );
    println!(
        "{:<44} {:>12}",
        "degraded days, manual retrain", h.degraded_days_manual
    );
    println!(
        "{:<44} {:>12}",
        "degraded days, no loop", h.degraded_days_without_loop
    );
    println!(
        "{:<44} {:>12.0}",
        "saving of the loop over no loop, NIS", h.saving_nis
    );
    println!(
        "{:<44} {:>12.0}",
        "saving of the loop over manual, NIS", h.saving_over_manual_nis
    );
    println!(
        "{:<44} {:>12.0}",
        "value lost per degraded day, NIS", h.loss_per_degraded_day_nis
    );
    println!(
        "{:<44} {:>11.1}%",
        "churn reduction of a healthy model",
        100.0 * h.churn_reduction_healthy
    );
    println!();
    println!("week  drift  churn  champion F1  CBPE F1  max input PSI  dataset drift");
    for w in &o.weeks {
        println!(
            "{:>4}  {:>5.2}  {:>5.3}  {:>11.3}  {:>7.3}  {:>13.3}  {}",
            w.week,
            w.drift_strength,
            w.churn_rate,
            w.champion_f1,
            w.champion_cbpe_f1,
            w.drift.max_input_psi(),
            w.drift.dataset_drift
        );
    }
    if !o.ops.responses.is_empty() {
        println!();
        println!(
            "incident       level            noticed by      detect   recover  over SLO  failed      cost NIS  SLA credits"
        );
        let span =
            |m: Option<u32>| m.map_or("-".to_string(), |m| format!("{}h{:02}", m / 60, m % 60));
        for r in &o.ops.responses {
            println!(
                "{:<14} {:<16} {:<15} {:>7}  {:>7}  {:>8}  {:>10.0}  {:>8.0}  {:>11.0}",
                r.kind.slug(),
                format!("{:?}", r.level),
                r.detected.map_or("-".into(), |d| format!("{:?}", d.1)),
                span(r.minutes_to_detect()),
                span(r.minutes_to_recover()),
                r.slo_breach_minutes,
                r.failed_requests,
                r.cost_nis(),
                r.sla_credit_nis
            );
        }
        println!();
        println!("week  hours late: no loop  manual  loop   checks fired (loop)");
        for b in &o.ops.batches {
            let fired: Vec<String> = b.fired.iter().map(|m| format!("{m:?}")).collect();
            let [none, manual, auto] = b.late_hours;
            println!(
                "{:>4}  {:>19.1}  {:>6.1}  {:>5.1}   {}",
                b.week,
                none,
                manual,
                auto,
                fired.join(", ")
            );
        }
    }
    let mut order = vec![o.config.policy];
    order.extend(
        PolicyKind::ALL
            .into_iter()
            .filter(|&p| p != o.config.policy),
    );
    for kind in order {
        let p = o.policy(kind);
        println!();
        println!(
            "{:?}: {} degraded days, value {:.0} NIS",
            kind, p.degraded_days, p.value_nis
        );
        for e in &p.events {
            let role = e.role.map_or("-".into(), |r| format!("{r:?}"));
            let artifact = e.artifact.map_or("-".into(), |a| format!("{a:?}"));
            println!(
                "  day {:>3}  {:<14} {:<21} {:?}",
                e.day, role, artifact, e.kind
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn every_manual_timing_can_be_set() {
        let (c, _) = parse(&args(
            "--dashboard-weekday 5 --manual-retrain-after 2 --manual-release-after 9 \
             --review-day 30 --no-loop-retrain-day 40 --no-loop-deploy-day 50",
        ))
        .unwrap();
        let t = c.timings;
        assert_eq!(
            (
                t.dashboard_weekday,
                t.manual_retrain_after,
                t.manual_release_after
            ),
            (5, 2, 9)
        );
        assert_eq!(
            (
                t.business_review_day,
                t.no_loop_retrain_day,
                t.no_loop_deploy_day
            ),
            (30, 40, 50)
        );
    }

    #[test]
    fn the_preset_comes_first_wherever_it_is_written() {
        let (c, _) = parse(&args("--strength 0.5 --preset ramp")).unwrap();
        assert_eq!(c.shape, DriftShape::Ramp);
        assert_eq!(c.strength, 0.5);
    }

    #[test]
    fn a_second_preset_is_refused_instead_of_ignored() {
        let e = parse(&args("--preset ramp --preset promo")).unwrap_err();
        assert!(e.contains("only once"), "{e}");
    }

    #[test]
    fn bad_values_and_unknown_options_are_refused() {
        assert!(parse(&args("--manual-release-after 2")).is_err());
        assert!(parse(&args("--dashboard-weekday 9")).is_err());
        assert!(parse(&args("--seed x")).unwrap_err().contains("--seed"));
        assert!(
            parse(&args("--frobnicate"))
                .unwrap_err()
                .contains("unknown")
        );
    }
}
