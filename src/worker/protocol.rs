//! What crosses between the page and the simulation's worker: plain serde data.

use crate::charts::spec::{ChartRequest, Drawn};
use crate::sim::{Config, Outcome};
use serde::{Deserialize, Serialize};

/// What the page asks the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Simulate this configuration.
    Run(Config),
    /// Draw this chart; `key` names the figure it is for.
    Draw {
        /// The figure's key, returned with the drawing.
        key: u32,
        /// The chart.
        chart: ChartRequest,
    },
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The run of the configuration asked for.
    Ran(Box<Outcome>),
    /// A chart drawn for the figure `key`.
    Drawn {
        /// The figure's key, as asked.
        key: u32,
        /// The drawing.
        drawn: Drawn,
    },
    /// The configuration was not valid (the page parses and checks every configuration it
    /// sends, so this means a bug): the error, in English, for the console.
    Refused(String),
    /// The worker panicked while answering; it closes itself after this message, and the
    /// page shows a notice with a way to start a new one.
    Panicked(String),
}
