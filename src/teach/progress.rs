//! The saved-progress format of the exercises and self-checks: a version tag and one
//! answer per item, `v1:2,_,0` (`_` for unanswered). Parsing checks everything (version,
//! count, each answer within its item's options) and reports anything else as corrupt, so
//! the page can discard it with a notice instead of trusting or crashing on it.

/// The tag of the current format.
pub const VERSION: &str = "v1";

/// Saved text that is not a valid progress record for these items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Corrupt;

/// Writes answers in the saved format.
pub fn encode(answers: &[Option<u8>]) -> String {
    let items: Vec<String> = answers
        .iter()
        .map(|a| a.map_or_else(|| "_".to_string(), |v| v.to_string()))
        .collect();
    format!("{VERSION}:{}", items.join(","))
}

/// Reads saved answers for items with `options[i]` choices each.
pub fn decode(text: &str, options: &[u8]) -> Result<Vec<Option<u8>>, Corrupt> {
    let body = text
        .strip_prefix(VERSION)
        .and_then(|rest| rest.strip_prefix(':'))
        .ok_or(Corrupt)?;
    let items: Vec<&str> = if body.is_empty() {
        Vec::new()
    } else {
        body.split(',').collect()
    };
    if items.len() != options.len() {
        return Err(Corrupt);
    }
    items
        .iter()
        .zip(options)
        .map(|(item, &count)| match *item {
            "_" => Ok(None),
            digits if digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) => {
                match digits.parse::<u8>() {
                    Ok(v) if v < count => Ok(Some(v)),
                    _ => Err(Corrupt),
                }
            }
            _ => Err(Corrupt),
        })
        .collect()
}

/// What a page finds in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved: start fresh.
    Fresh,
    /// Saved answers, valid.
    Restored(Vec<Option<u8>>),
    /// Something unreadable was saved: start fresh and tell the user.
    Discarded,
}

/// Interprets what storage returned for items with `options[i]` choices each.
pub fn load(saved: Option<&str>, options: &[u8]) -> Loaded {
    match saved {
        None => Loaded::Fresh,
        Some(text) => match decode(text, options) {
            Ok(answers) => Loaded::Restored(answers),
            Err(Corrupt) => Loaded::Discarded,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_survive_a_round_trip() {
        let answers = vec![Some(2), None, Some(0)];
        let text = encode(&answers);
        assert_eq!(text, "v1:2,_,0");
        assert_eq!(decode(&text, &[3, 3, 3]), Ok(answers));
        assert_eq!(decode("v1:", &[]), Ok(vec![]));
    }

    #[test]
    fn corrupt_or_foreign_text_is_rejected_not_trusted() {
        for bad in [
            "",
            "{broken",
            "v2:0,1,2",
            "v1:0,1",
            "v1:0,1,2,0",
            "v1:0,1,3",
            "v1:0,-1,2",
            "v1:0,,2",
            "v1:0,1,99999999999",
            "v1:a,b,c",
            "v1:0, 1,2",
        ] {
            assert_eq!(decode(bad, &[3, 3, 3]), Err(Corrupt), "{bad:?}");
        }
    }

    #[test]
    fn loading_tells_fresh_restored_and_discarded_apart() {
        assert_eq!(load(None, &[3]), Loaded::Fresh);
        assert_eq!(load(Some("v1:1"), &[3]), Loaded::Restored(vec![Some(1)]));
        assert_eq!(load(Some("garbage"), &[3]), Loaded::Discarded);
    }
}
