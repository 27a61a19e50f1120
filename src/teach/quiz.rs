//! The self-checks at the end of Roles, Lifecycle and Tools: the questions and their right
//! answers. Locale keys: `quiz.<section>.<id>` (the question), `.opt<n>` (the options),
//! `.why<n>` (why that option is right or wrong).

/// One multiple-choice question.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    /// The id in the locale keys.
    pub id: &'static str,
    /// How many options it has.
    pub options: u8,
    /// The 0-based index of the right option.
    pub correct: u8,
}

const fn q(id: &'static str, correct: u8) -> Question {
    Question {
        id,
        options: 3,
        correct,
    }
}

/// The Roles self-check.
pub const ROLES: [Question; 3] = [q("sla", 1), q("solo", 2), q("threshold", 2)];
/// The Lifecycle self-check.
pub const LIFECYCLE: [Question; 3] = [q("artifacts", 0), q("level1", 1), q("skip", 2)];
/// The Tools self-check.
pub const TOOLS: [Question; 3] = [q("bridge", 1), q("cicd", 0), q("lineage", 2)];

/// The questions of a section by its id.
pub fn for_section(section: &str) -> &'static [Question] {
    match section {
        "roles" => &ROLES,
        "lifecycle" => &LIFECYCLE,
        "tools" => &TOOLS,
        _ => &[],
    }
}

/// How many answered questions are right.
pub fn score(questions: &[Question], answers: &[Option<u8>]) -> usize {
    questions
        .iter()
        .zip(answers)
        .filter(|(q, a)| **a == Some(q.correct))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_right_answer_is_one_of_the_options_and_not_always_the_same() {
        for section in ["roles", "lifecycle", "tools"] {
            let questions = for_section(section);
            assert!((3..=5).contains(&questions.len()));
            for q in questions {
                assert!(q.correct < q.options);
            }
        }
        let all: Vec<u8> = [ROLES, LIFECYCLE, TOOLS]
            .iter()
            .flatten()
            .map(|q| q.correct)
            .collect();
        assert!(all.iter().any(|&c| c != all[0]));
    }

    #[test]
    fn the_score_counts_right_answers_only() {
        assert_eq!(score(&ROLES, &[Some(1), Some(0), None]), 1);
        assert_eq!(score(&ROLES, &[]), 0);
    }
}
