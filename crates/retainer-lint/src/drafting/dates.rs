//! stub
use super::Finding;
use crate::document::Document;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday { Monday }
pub fn weekday(_y: i32, _m: u32, _d: u32) -> Weekday { Weekday::Monday }
pub fn dates(_doc: &Document) -> Vec<Finding> { Vec::new() }
