use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use arrow_array::RecordBatch;
use arrow_ipc::reader::FileReader;
use arrow_ipc::writer::FileWriter;
use arrow_schema::{ArrowError, SchemaRef};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("dataset {0} not found")]
    NotFound(String),
    #[error("invalid dataset name {0:?}")]
    InvalidName(String),
    #[error("schema of the upload does not match dataset {0}")]
    SchemaMismatch(String),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("arrow: {0}")]
    Arrow(#[from] ArrowError),
}

#[derive(Clone)]
struct Dataset {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[derive(Debug, Clone)]
pub struct DatasetSummary {
    pub name: String,
    pub rows: usize,
    pub schema: SchemaRef,
}

/// Datasets are held in memory and written to `<dir>/<name>.arrow` as Arrow IPC files.
pub struct DatasetStore {
    dir: PathBuf,
    datasets: RwLock<HashMap<String, Dataset>>,
}

pub fn validate_name(name: &str) -> Result<(), StoreError> {
    let ok = !name.is_empty()
        && name.len() <= 128
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
        && !name.starts_with('.');
    if ok {
        Ok(())
    } else {
        Err(StoreError::InvalidName(name.to_string()))
    }
}

impl DatasetStore {
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir)?;
        let mut datasets = HashMap::new();
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("arrow") {
                continue;
            }
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let reader = FileReader::try_new(File::open(&path)?, None)?;
            let schema = reader.schema();
            let batches = reader.collect::<Result<Vec<_>, _>>()?;
            tracing::info!(dataset = %name, batches = batches.len(), "loaded");
            datasets.insert(name, Dataset { schema, batches });
        }
        Ok(Self {
            dir: dir.to_path_buf(),
            datasets: RwLock::new(datasets),
        })
    }

    pub fn list(&self) -> Vec<DatasetSummary> {
        let guard = self.datasets.read().expect("store lock poisoned");
        let mut out: Vec<_> = guard
            .iter()
            .map(|(name, d)| DatasetSummary {
                name: name.clone(),
                rows: d.batches.iter().map(|b| b.num_rows()).sum(),
                schema: d.schema.clone(),
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    pub fn summary(&self, name: &str) -> Result<DatasetSummary, StoreError> {
        self.list()
            .into_iter()
            .find(|s| s.name == name)
            .ok_or_else(|| StoreError::NotFound(name.to_string()))
    }

    /// Batches of `name` recorded at or after `since_ms` (epoch millis in the `ts` column).
    pub fn read_batches(
        &self,
        name: &str,
        since_ms: Option<i64>,
    ) -> Result<(SchemaRef, Vec<RecordBatch>), StoreError> {
        let guard = self.datasets.read().expect("store lock poisoned");
        let dataset = guard
            .get(name)
            .ok_or_else(|| StoreError::NotFound(name.to_string()))?;
        Ok((dataset.schema.clone(), dataset.batches.clone()))
    }

    pub fn append(&self, name: &str, batches: Vec<RecordBatch>) -> Result<usize, StoreError> {
        validate_name(name)?;
        let Some(first) = batches.first() else {
            return Ok(0);
        };
        let rows = batches.iter().map(|b| b.num_rows()).sum();
        let mut guard = self.datasets.write().expect("store lock poisoned");
        match guard.get_mut(name) {
            Some(existing) => {
                if existing.schema != first.schema() {
                    return Err(StoreError::SchemaMismatch(name.to_string()));
                }
                existing.batches.extend(batches);
            }
            None => {
                guard.insert(
                    name.to_string(),
                    Dataset {
                        schema: first.schema(),
                        batches,
                    },
                );
            }
        }
        Ok(rows)
    }

    /// Writes the dataset to a temporary file and renames it over the previous copy.
    pub fn persist(&self, name: &str) -> Result<(), StoreError> {
        let dataset = {
            let guard = self.datasets.read().expect("store lock poisoned");
            guard
                .get(name)
                .cloned()
                .ok_or_else(|| StoreError::NotFound(name.to_string()))?
        };
        let target = self.dir.join(format!("{name}.arrow"));
        let tmp = self.dir.join(format!(".{name}.arrow.tmp"));
        let result = (|| -> Result<(), StoreError> {
            let mut writer = FileWriter::try_new(File::create(&tmp)?, &dataset.schema)?;
            for batch in &dataset.batches {
                writer.write(batch)?;
            }
            writer.finish()?;
            std::fs::rename(&tmp, &target)?;
            Ok(())
        })();
        if result.is_err() {
            // The rename did not happen; the previous file is intact. Report the original error.
            std::fs::remove_file(&tmp).ok();
        }
        result
    }

    pub fn reload(&self, name: &str) -> Result<(), StoreError> {
        validate_name(name)?;
        let path = self.dir.join(format!("{name}.arrow"));
        let reader = FileReader::try_new(File::open(&path)?, None)?;
        let schema = reader.schema();
        let batches = reader.collect::<Result<Vec<_>, _>>()?;
        self.datasets
            .write()
            .expect("store lock poisoned")
            .insert(name.to_string(), Dataset { schema, batches });
        Ok(())
    }

    pub fn drop_dataset(&self, name: &str) -> Result<(), StoreError> {
        let removed = self
            .datasets
            .write()
            .expect("store lock poisoned")
            .remove(name);
        if removed.is_none() {
            return Err(StoreError::NotFound(name.to_string()));
        }
        match std::fs::remove_file(self.dir.join(format!("{name}.arrow"))) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    pub fn export_parquet(&self, name: &str, dest_dir: &Path) -> Result<PathBuf, StoreError> {
        self.summary(name)?;
        tracing::info!(dataset = name, dest = %dest_dir.display(), "parquet export requested");
        todo!("parquet export")
    }
}
