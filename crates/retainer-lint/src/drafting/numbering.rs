//! stub
use super::Finding;
use crate::document::Document;
pub fn numbering(_doc: &Document) -> Vec<Finding> {
    Vec::new()
}
