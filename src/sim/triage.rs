//! Triage from evidence: what the drift report says of the inputs, and where the model's
//! errors grew, segment by segment, against its validation weeks. A change in who leaves
//! (concept drift) shows as errors growing inside segments whose inputs look as before; a
//! change in the inputs alone (covariate shift) moves the inputs while each segment is
//! scored about as well as it was. Both can happen at once, and neither may be clear.
//! The rule reads the same two signals a team would, and can be wrong where they mislead
//! (the story says so when the simulation knows better).

use serde::{Deserialize, Serialize};

use super::drift::PSI_WARN;
use super::events::Diagnosis;
use super::metrics::{SegmentKind, Segments};

/// Fewest churners a segment needs, in the week and in the validation weeks, for its F1
/// to count as evidence (the gate's rule for a holdout, `GATE_MIN_SEGMENT_CHURNERS`).
pub const MIN_SEGMENT_CHURNERS: u32 = 30;
/// An F1 fall inside a segment this large or larger counts as errors that grew.
pub const SEGMENT_FALL: f64 = 0.05;

/// The segment whose F1 fell most from the validation weeks to the week triaged.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SegmentFall {
    /// Which cut.
    pub kind: SegmentKind,
    /// Which band of it.
    pub band: u8,
    /// F1 on the validation weeks.
    pub reference_f1: f64,
    /// F1 on the week triaged.
    pub f1: f64,
}

impl SegmentFall {
    /// How far F1 fell (negative when it rose).
    pub fn fall(&self) -> f64 {
        self.reference_f1 - self.f1
    }
}

/// The segment with the largest F1 fall among those with enough churners on both sides.
pub fn worst_fall(reference: &Segments, week: &Segments) -> Option<SegmentFall> {
    SegmentKind::ALL
        .into_iter()
        .flat_map(|kind| (0..3u8).map(move |band| (kind, band)))
        .filter_map(|(kind, band)| {
            let r = reference.of(kind)[band as usize];
            let w = week.of(kind)[band as usize];
            let enough = |c: super::metrics::Confusion| c.tp + c.fn_ >= MIN_SEGMENT_CHURNERS;
            (enough(r) && enough(w)).then(|| SegmentFall {
                kind,
                band,
                reference_f1: r.f1(),
                f1: w.f1(),
            })
        })
        .reduce(|a, b| if b.fall() > a.fall() { b } else { a })
}

/// The diagnosis from the largest input PSI and the largest fall inside a segment.
pub fn diagnose(max_input_psi: f64, worst: Option<&SegmentFall>) -> Diagnosis {
    let moved = max_input_psi >= PSI_WARN;
    let grew = worst.is_some_and(|w| w.fall() >= SEGMENT_FALL);
    match (moved, grew) {
        (false, true) => Diagnosis::ConceptDrift,
        (true, false) => Diagnosis::InputDrift,
        (true, true) => Diagnosis::ConceptAndInput,
        (false, false) => Diagnosis::Unclear,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::metrics::Confusion;

    fn segments(f1_like: u32) -> Segments {
        // 100 churners a band; `f1_like` of them caught, no false alarms.
        let c = Confusion {
            tp: f1_like,
            fp: 0,
            tn: 100,
            fn_: 100 - f1_like,
        };
        Segments {
            contract: [c; 3],
            tenure: [c; 3],
            charges: [c; 3],
        }
    }

    #[test]
    fn each_pair_of_signals_gives_its_diagnosis() {
        let before = segments(90);
        let mut after = segments(90);
        after.tenure[2].tp = 50;
        after.tenure[2].fn_ = 50;
        let worst = worst_fall(&before, &after).unwrap();
        assert_eq!((worst.kind, worst.band), (SegmentKind::Tenure, 2));
        assert!(worst.fall() > 0.2);
        assert_eq!(diagnose(0.01, Some(&worst)), Diagnosis::ConceptDrift);
        assert_eq!(diagnose(0.3, Some(&worst)), Diagnosis::ConceptAndInput);
        let same = worst_fall(&before, &before).unwrap();
        assert_eq!(diagnose(0.3, Some(&same)), Diagnosis::InputDrift);
        assert_eq!(diagnose(0.01, Some(&same)), Diagnosis::Unclear);
    }

    #[test]
    fn a_segment_with_few_churners_is_not_evidence() {
        let mut before = segments(90);
        let mut after = segments(90);
        for s in [&mut before, &mut after] {
            for kind in [&mut s.contract, &mut s.tenure, &mut s.charges] {
                kind[0] = Confusion {
                    tp: 5,
                    fp: 0,
                    tn: 10,
                    fn_: 5,
                };
            }
        }
        after.contract[0].tp = 0;
        after.contract[0].fn_ = 10;
        let worst = worst_fall(&before, &after).unwrap();
        assert!(worst.band != 0, "{worst:?}");
    }
}
