//! The sweep: which columns of the store hold any of some words (a resident's name, ID number,
//! phone, account). A service centre's check, and the tests', that nothing of a person remains.

use super::{LocalStore, StoreError};

impl LocalStore {
    /// Every `table.column` with a value that contains any of `words` (text, or a blob read as
    /// text), each once, in the schema's order.
    pub fn columns_holding(&self, words: &[&str]) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let tables: Vec<String> = connection
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                 ORDER BY name",
            )?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut found = Vec::new();
        for table in tables {
            let columns: Vec<String> = connection
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            for column in columns {
                let sql = format!(
                    "SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE instr(CAST(\"{column}\" AS TEXT), ?1) > 0)"
                );
                for word in words.iter().filter(|word| !word.is_empty()) {
                    let holds: bool = connection.query_row(&sql, [word], |row| row.get(0))?;
                    if holds {
                        found.push(format!("{table}.{column}"));
                        break;
                    }
                }
            }
        }
        Ok(found)
    }
}
