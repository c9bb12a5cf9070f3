//! Service-centre repository: each district's centre residents call (求助), and the district an
//! account lives in.

use huiban_api::ServiceCentre;
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

impl Store {
    /// Adds or replaces centres (by district), in one transaction.
    pub fn upsert_service_centres(&self, centres: &[ServiceCentre]) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        for centre in centres {
            transaction.execute(
                "INSERT INTO service_centre (district_code, name, district_name, phone, hours, address)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (district_code) DO UPDATE SET name = excluded.name,
                    district_name = excluded.district_name, phone = excluded.phone,
                    hours = excluded.hours, address = excluded.address",
                params![
                    centre.district_code,
                    centre.name,
                    centre.district_name,
                    centre.phone,
                    centre.hours,
                    centre.address
                ],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// Every centre, by district code.
    pub fn service_centres(&self) -> Result<Vec<ServiceCentre>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT name, district_code, district_name, phone, hours, address
             FROM service_centre ORDER BY district_code",
        )?;
        let centres = statement
            .query_map([], |row| {
                Ok(ServiceCentre {
                    name: row.get(0)?,
                    district_code: row.get(1)?,
                    district_name: row.get(2)?,
                    phone: row.get(3)?,
                    hours: row.get(4)?,
                    address: row.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(centres)
    }

    /// The district the centre called `name` serves, if there is such a centre.
    pub fn district_of_centre(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT district_code FROM service_centre WHERE name = ?1",
                params![name],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Records the district `account_id` lives in.
    pub fn set_district(&self, account_id: &str, district_code: &str) -> Result<(), StoreError> {
        self.lock()?.execute(
            "UPDATE account SET district_code = ?2 WHERE account_id = ?1",
            params![account_id, district_code],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn centre(code: &str, name: &str) -> ServiceCentre {
        ServiceCentre {
            name: name.to_owned(),
            district_code: code.to_owned(),
            district_name: name.trim_end_matches("政务服务中心").to_owned(),
            phone: "010-64001101".to_owned(),
            hours: "周一到周五".to_owned(),
            address: "示例街1号".to_owned(),
        }
    }

    #[test]
    fn centres_are_kept_by_district_and_replaced_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store
            .upsert_service_centres(&[
                centre("110102", "西城区政务服务中心"),
                centre("110101", "东城区政务服务中心"),
            ])
            .unwrap();
        let mut moved = centre("110101", "东城区政务服务中心");
        moved.phone = "010-64001199".to_owned();
        store.upsert_service_centres(&[moved.clone()]).unwrap();
        let kept = store.service_centres().unwrap();
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0], moved, "by district code, the new number");
        assert_eq!(kept[1].name, "西城区政务服务中心");
    }
}
