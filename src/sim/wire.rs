//! The bytes a configuration and an outcome cross between the page and the simulation's
//! worker in (`crate::sim_worker`): each field in declaration order, numbers as their
//! little-endian bytes, a list as its length and then its items, an option or an enum as a
//! one-byte tag. Both ends are the same build, so there are no versions or field names.
//! Written out here rather than derived with serde, whose visitors for these types were
//! about 8 KB of the gzipped download; the macros list every field and variant, and leaving
//! one out is a compile error. Reading never panics: bytes it did not write give `None`.

use super::config::{BadDecisions, Business, Config, DriftKind, DriftShape, PolicyKind, Timings};
use super::drift::{Bin, Column, ColumnDrift, DriftReport, Verdict};
use super::metrics::Confusion;
use super::model::Model;
use super::policy::{
    Artifact, DayMetrics, Diagnosis, Event, EventKind, PolicyRun, Role, RollbackReason,
};
use super::run::{GateReport, Headline, ModelCard, ModelId, Outcome, TrainingData, WeekReport};

/// A value that can be written to the wire and read back.
pub trait Wire: Sized {
    /// Appends the value's bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value from the front of the reader's bytes. On bytes it did not write, it
    /// marks the reader bad and gives some value (all reads go on, straight through, and
    /// `decode` throws the result away).
    fn take(input: &mut Reader) -> Self;
}

/// The bytes left to read, and whether any read so far failed.
pub struct Reader<'a> {
    bytes: &'a [u8],
    bad: bool,
}

impl Reader<'_> {
    /// The next `N` bytes, or zeros (and the reader marked bad) past the end.
    #[inline(never)]
    fn array<const N: usize>(&mut self) -> [u8; N] {
        match self.bytes.split_first_chunk::<N>() {
            Some((head, rest)) => {
                self.bytes = rest;
                *head
            }
            None => {
                self.bad = true;
                [0; N]
            }
        }
    }

    /// A one-byte tag below `count`, or 0 (and the reader marked bad).
    #[inline(never)]
    fn tag(&mut self, count: u8) -> u8 {
        let [tag] = self.array::<1>();
        if tag >= count {
            self.bad = true;
            return 0;
        }
        tag
    }
}

/// The value's bytes.
pub fn encode<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

/// The value `encode` wrote, if `bytes` are exactly that.
pub fn decode<T: Wire>(bytes: &[u8]) -> Option<T> {
    let mut input = Reader { bytes, bad: false };
    let value = T::take(&mut input);
    (!input.bad && input.bytes.is_empty()).then_some(value)
}

impl Wire for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn take(input: &mut Reader) -> Self {
        input.array::<1>()[0]
    }
}

/// Unsigned integers as their little-endian bytes.
macro_rules! wire_le {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            #[inline(never)]
            fn put(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            #[inline(never)]
            fn take(input: &mut Reader) -> Self {
                <$t>::from_le_bytes(input.array())
            }
        }
    )*};
}

wire_le!(u32, u64);

impl Wire for f64 {
    #[inline(never)]
    fn put(&self, out: &mut Vec<u8>) {
        self.to_bits().put(out);
    }
    #[inline(never)]
    fn take(input: &mut Reader) -> Self {
        f64::from_bits(u64::take(input))
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    #[inline(never)]
    fn take(input: &mut Reader) -> Self {
        input.tag(2) == 1
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.is_some().put(out);
        if let Some(value) = self {
            value.put(out);
        }
    }
    fn take(input: &mut Reader) -> Self {
        bool::take(input).then(|| T::take(input))
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (self.len() as u32).put(out);
        for item in self {
            item.put(out);
        }
    }
    fn take(input: &mut Reader) -> Self {
        let len = u32::take(input) as usize;
        // Every item takes at least a byte: a length beyond what is left is not ours.
        if len > input.bytes.len() {
            input.bad = true;
            return Vec::new();
        }
        (0..len).map(|_| T::take(input)).collect()
    }
}

impl<T: Wire + Copy + Default, const N: usize> Wire for [T; N] {
    fn put(&self, out: &mut Vec<u8>) {
        for item in self {
            item.put(out);
        }
    }
    fn take(input: &mut Reader) -> Self {
        let mut items = [T::default(); N];
        for item in &mut items {
            *item = T::take(input);
        }
        items
    }
}

/// A struct, field by field; every field must be listed (the pattern has no `..`).
macro_rules! wire_struct {
    ($($name:ident { $($field:ident),* $(,)? })*) => {$(
        impl Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                let $name { $($field),* } = self;
                $($field.put(out);)*
            }
            fn take(input: &mut Reader) -> Self {
                $name { $($field: Wire::take(input)),* }
            }
        }
    )*};
}

/// A fieldless enum as its variant's index; every variant must be listed (the match is
/// exhaustive).
macro_rules! wire_enum {
    ($($name:ident { $($variant:ident),* $(,)? })*) => {$(
        impl Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                let all = [$($name::$variant),*];
                let index = all.iter().position(|v| v == self).unwrap_or(0);
                // Names every variant, so one missing from the list does not compile.
                match self { $($name::$variant)|* => out.push(index as u8) }
            }
            fn take(input: &mut Reader) -> Self {
                let all = [$($name::$variant),*];
                all[usize::from(input.tag(all.len() as u8))]
            }
        }
    )*};
}

wire_enum! {
    DriftKind { None, Concept, ConceptWithSideSignal, AcquisitionPromo, PriceRise, PriorShift }
    DriftShape { Step, Ramp }
    PolicyKind { NoLoop, ManualRetrain, AutomatedLoop }
    Column { Tenure, Contract, Internet, Charges, Echeck, Calls, Usage, Late, Score }
    Verdict { Stable, Warn, Drift }
    Role { MlDeveloper, MlopsEngineer, Both, Business }
    Artifact {
        MonitoringReport, Alert, IncidentTicket, TrainingDataSnapshot, ModelVersion,
        ValidationReport, DeploymentRecord,
    }
    Diagnosis { ConceptDrift, InputDrift }
    RollbackReason { CanaryPositiveRate, WorseThanChampion, Forced }
}

wire_struct! {
    BadDecisions { ignore_alert, retrain_on_stale_data, skip_gate, force_rollback }
    Business { arpu_nis, offer_cost_nis, save_rate, fp_accept_rate, months_retained }
    Timings {
        dashboard_weekday, manual_retrain_after, manual_release_after, business_review_day,
        no_loop_retrain_day, no_loop_deploy_day,
    }
    Config {
        seed, cohort_size, base_intercept, drift, strength, onset_day, shape, ramp_days,
        label_delay_days, alert_f1, alert_drop, policy, bad, business, timings, horizon_days,
    }
    Confusion { tp, fp, tn, fn_ }
    Model { coef, threshold }
    ModelCard { id, version, trained_on, model, reference_f1, reference_auc }
    ColumnDrift {
        column, psi, psi_verdict, js, js_verdict, ks_d, ks_p, ks_verdict, wasserstein,
        wasserstein_verdict, chi2, chi2_p, chi2_verdict, drifted,
    }
    Bin { lo, hi, reference, current }
    DriftReport { inputs, score, bins, score_bins, drifted_share, dataset_drift }
    GateReport {
        holdout_week, champion_f1, challenger_f1, challenger_auc, positive_rate,
        observed_churn_rate, contract_f1, beats_champion, f1_ok, auc_ok, rate_ok, segments_ok,
        passed,
    }
    WeekReport {
        week, drift_strength, churn_rate, drift, champion_f1, champion_auc,
        champion_confusion, champion_contract_f1, champion_cbpe_f1,
    }
    Headline {
        f1_before_drift, f1_stale_two_weeks_after_deploy, f1_after_fix,
        days_alert_to_fix_with_loop, degraded_days_with_loop, degraded_days_manual,
        degraded_days_without_loop, saving_nis, saving_over_manual_nis,
        loss_per_degraded_day_nis, churn_reduction_healthy,
    }
    Event { day, policy, role, artifact, kind }
    DayMetrics {
        day, model, f1, precision, recall, auc, confusion, contract_f1, cbpe_f1, matured_f1,
        recall_to_date, value_nis, degraded,
    }
    PolicyRun {
        kind, events, days, degraded_days, value_nis, first_alert_day, first_promotion_day,
    }
    Outcome { config, models, weeks, policies, headline }
}

impl Wire for ModelId {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn take(input: &mut Reader) -> Self {
        ModelId(u8::take(input))
    }
}

impl Wire for TrainingData {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            TrainingData::History => out.push(0),
            TrainingData::FreshWeek(week) => {
                out.push(1);
                week.put(out);
            }
            TrainingData::StaleHistory => out.push(2),
        }
    }
    fn take(input: &mut Reader) -> Self {
        match input.tag(3) {
            1 => TrainingData::FreshWeek(u32::take(input)),
            2 => TrainingData::StaleHistory,
            _ => TrainingData::History,
        }
    }
}

/// An enum whose variants have named fields: its index, then the fields in order. Takes
/// the number of variants and one without fields to stand in for a bad tag.
macro_rules! wire_variants {
    ($name:ident, $count:literal, $fallback:ident { $($index:literal $variant:ident { $($field:ident),* })* }) => {
        impl Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                match self {
                    $($name::$variant { $($field),* } => {
                        out.push($index);
                        $($field.put(out);)*
                    })*
                }
            }
            fn take(input: &mut Reader) -> Self {
                match input.tag($count) {
                    $($index => $name::$variant { $($field: Wire::take(input)),* },)*
                    // Not reached: `tag` keeps below the count.
                    _ => $name::$fallback,
                }
            }
        }
    };
}

wire_variants! {
    EventKind, 15, AlertIgnored {
        0 Deployed { model, validation_f1 }
        1 DriftBegins { kind, strength }
        2 LabelsMatured { week, model, f1, cbpe_f1 }
        3 AlertFired { week, f1, threshold, reference_f1 }
        4 AlertIgnored {}
        5 Triage { diagnosis, max_input_psi, drifted_share, score_psi }
        6 DashboardReviewed { week, f1 }
        7 BusinessReview { churn_before, churn_recent, noticed }
        8 TicketOpened {}
        9 SnapshotTaken { data }
        10 ChallengerTrained { model, holdout_f1 }
        11 GateEvaluated { model, report, enforced }
        12 CanaryStarted { model, champion_rate, challenger_rate, observed_churn, passed }
        13 Promoted { model, replaced }
        14 RolledBack { to, from, reason }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Preset, Session};

    fn outcome(config: &Config) -> Outcome {
        Session::new()
            .run(config)
            .expect("a preset's configuration is valid")
    }

    #[test]
    fn every_preset_and_its_outcome_cross_the_wire_unchanged() {
        for preset in Preset::ALL {
            let config = Config::preset(preset);
            assert_eq!(decode::<Config>(&encode(&config)), Some(config));
            let run = Some(outcome(&config));
            assert_eq!(decode::<Option<Outcome>>(&encode(&run)), Some(run));
        }
        assert_eq!(
            decode::<Option<Outcome>>(&encode(&None::<Outcome>)),
            Some(None)
        );
    }

    #[test]
    fn cut_or_padded_bytes_are_refused_without_a_panic() {
        let bytes = encode(&Some(outcome(&Config::default())));
        for cut in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
            assert_eq!(
                decode::<Option<Outcome>>(&bytes[..cut]),
                None,
                "cut at {cut}"
            );
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(decode::<Option<Outcome>>(&padded), None);
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let real = encode(&Some(outcome(&Config::default())));
        for round in 0..3000 {
            let len = (next() % 400) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if round % 2 == 0 {
                // Real bytes with a few flipped: deeper into the reader than noise gets.
                bytes = real.clone();
                for _ in 0..4 {
                    let at = (next() as usize) % bytes.len();
                    bytes[at] ^= next() as u8 | 1;
                }
            }
            let _ = decode::<Option<Outcome>>(&bytes);
            let _ = decode::<Config>(&bytes);
        }
    }

    #[test]
    fn tags_and_lengths_out_of_range_are_refused() {
        // A bool of 2, an enum index past the last variant, a list longer than the bytes.
        assert_eq!(decode::<bool>(&[2]), None);
        assert_eq!(decode::<PolicyKind>(&[3]), None);
        assert_eq!(decode::<EventKind>(&[15]), None);
        assert_eq!(decode::<TrainingData>(&[3]), None);
        assert_eq!(decode::<Vec<u8>>(&[255, 255, 255, 255, 0]), None);
        let mut config = encode(&Config::default());
        // The drift kind's byte: after the seed (8), cohort size (4) and intercept (8).
        config[20] = 6;
        assert_eq!(decode::<Config>(&config), None);
    }

    #[test]
    fn every_event_kind_crosses_the_wire_unchanged() {
        let model = ModelId(1);
        let gate = GateReport {
            holdout_week: 3,
            champion_f1: 0.7,
            challenger_f1: 0.8,
            challenger_auc: 0.9,
            positive_rate: 0.3,
            observed_churn_rate: 0.25,
            contract_f1: [0.6, 0.7, 0.8],
            beats_champion: true,
            f1_ok: true,
            auc_ok: false,
            rate_ok: true,
            segments_ok: false,
            passed: false,
        };
        let kinds = [
            EventKind::Deployed {
                model,
                validation_f1: 0.84,
            },
            EventKind::DriftBegins {
                kind: DriftKind::Concept,
                strength: 1.5,
            },
            EventKind::LabelsMatured {
                week: 2,
                model,
                f1: 0.7,
                cbpe_f1: 0.8,
            },
            EventKind::AlertFired {
                week: 2,
                f1: 0.7,
                threshold: 0.75,
                reference_f1: 0.84,
            },
            EventKind::AlertIgnored,
            EventKind::Triage {
                diagnosis: Diagnosis::InputDrift,
                max_input_psi: 0.3,
                drifted_share: 0.5,
                score_psi: 0.2,
            },
            EventKind::DashboardReviewed { week: 4, f1: 0.72 },
            EventKind::BusinessReview {
                churn_before: 0.2,
                churn_recent: 0.3,
                noticed: true,
            },
            EventKind::TicketOpened,
            EventKind::SnapshotTaken {
                data: TrainingData::FreshWeek(3),
            },
            EventKind::ChallengerTrained {
                model,
                holdout_f1: 0.83,
            },
            EventKind::GateEvaluated {
                model,
                report: gate,
                enforced: true,
            },
            EventKind::CanaryStarted {
                model,
                champion_rate: 0.2,
                challenger_rate: 0.3,
                observed_churn: 0.28,
                passed: true,
            },
            EventKind::Promoted {
                model,
                replaced: ModelId(0),
            },
            EventKind::RolledBack {
                to: ModelId(0),
                from: model,
                reason: RollbackReason::Forced,
            },
        ];
        for kind in kinds {
            assert_eq!(decode::<EventKind>(&encode(&kind)), Some(kind));
        }
    }
}
