//! Figures quoted from the source article (not computed: they are the article's claims
//! about the industry). Figures about the churn scenario never live here: the simulation
//! computes them.

/// Share of models that survive past the experiment stage, per the article.
pub const MODELS_SURVIVING_PERCENT: usize = 10;

/// Share of models that reach production and stay there when the ML Developer and the
/// MLOps Engineer work together, per the article.
pub const MODELS_SURVIVING_WITH_BOTH_ROLES_PERCENT: usize = 90;

/// The business goal of the article's churn scenario: this much less churn, in percent.
/// The reduction a healthy model achieves is computed by the simulation; the goal is the
/// article's target it is measured against.
pub const CHURN_REDUCTION_GOAL_PERCENT: usize = 15;
