//! The story's chapters, one file each.

pub mod overtaking;
