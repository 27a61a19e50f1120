//! The saved answers of the exercises and self-checks: one answer per item (`None` for
//! unanswered), kept as versioned serde data (`saved::Kept`). Reading checks everything
//! (version, count, each answer within its item's options) and reports anything else as
//! discarded, so the page can start fresh with a notice instead of trusting or crashing on
//! it.

use crate::saved::{self, Kept, Loaded};
use serde::{Deserialize, Serialize};

/// The answers to a set of items, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub Vec<Option<u8>>);

impl Kept for Answers {
    const VERSION: u32 = 1;
}

/// The stored form of `answers`.
pub fn encode(answers: &[Option<u8>]) -> String {
    saved::encode(&Answers(answers.to_vec()))
}

/// Interprets what storage returned for items with `options[i]` choices each.
pub fn load(saved: Option<&str>, options: &[u8]) -> Loaded<Vec<Option<u8>>> {
    match saved::decode::<Answers>(saved) {
        Loaded::Restored(Answers(answers))
            if answers.len() == options.len()
                && answers
                    .iter()
                    .zip(options)
                    .all(|(answer, &count)| answer.is_none_or(|a| a < count)) =>
        {
            Loaded::Restored(answers)
        }
        Loaded::Fresh => Loaded::Fresh,
        _ => Loaded::Discarded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_survive_a_round_trip() {
        let answers = vec![Some(2), None, Some(0)];
        let text = encode(&answers);
        assert_eq!(text, r#"{"version":1,"value":[2,null,0]}"#);
        assert_eq!(load(Some(&text), &[3, 3, 3]), Loaded::Restored(answers));
        assert_eq!(load(Some(&encode(&[])), &[]), Loaded::Restored(vec![]));
    }

    #[test]
    fn corrupt_or_foreign_text_is_rejected_not_trusted() {
        for bad in [
            "",
            "{broken",
            "v1:0,1,2",
            r#"{"version":2,"value":[0,1,2]}"#,
            r#"{"version":1,"value":[0,1]}"#,
            r#"{"version":1,"value":[0,1,2,0]}"#,
            r#"{"version":1,"value":[0,1,3]}"#,
            r#"{"version":1,"value":[0,-1,2]}"#,
            r#"{"version":1,"value":[0,99999999999,2]}"#,
            r#"{"version":1,"value":["a","b","c"]}"#,
            r#"{"version":1,"value":{"0":1}}"#,
        ] {
            assert_eq!(load(Some(bad), &[3, 3, 3]), Loaded::Discarded, "{bad:?}");
        }
    }

    #[test]
    fn loading_tells_fresh_restored_and_discarded_apart() {
        assert_eq!(load(None, &[3]), Loaded::Fresh);
        assert_eq!(
            load(Some(r#"{"version":1,"value":[1]}"#), &[3]),
            Loaded::Restored(vec![Some(1)])
        );
        assert_eq!(load(Some("garbage"), &[3]), Loaded::Discarded);
    }
}
