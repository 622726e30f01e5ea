"""Data loading utilities: `Sequence`, enqueuers, `get_file`."""


class Sequence(object):
    """A dataset split into batches that can be read in any order.

    Subclasses implement `__len__` (how many batches) and `__getitem__`
    (batch number `index`, as `(inputs, targets)` or
    `(inputs, targets, sample_weights)`), and may implement `on_epoch_end`
    to reshuffle or change the data between epochs.

    Because every batch has an index, several workers can prepare batches
    at once (threads or processes) while each sample is still seen exactly
    once per epoch, which plain Python generators cannot promise.

    # Example

    ```python
        class ArraySequence(Sequence):
            def __init__(self, x, y, batch_size):
                self.x, self.y, self.batch_size = x, y, batch_size

            def __len__(self):
                return int(np.ceil(len(self.x) / float(self.batch_size)))

            def __getitem__(self, index):
                part = slice(index * self.batch_size,
                             (index + 1) * self.batch_size)
                return self.x[part], self.y[part]

        model.fit_generator(ArraySequence(x_train, y_train, 32), epochs=3)
    ```
    """

    def __getitem__(self, index):
        """Returns batch number `index` (0-based)."""
        raise NotImplementedError

    def __len__(self):
        """Returns the number of batches."""
        raise NotImplementedError

    def on_epoch_end(self):
        """Called after each epoch; does nothing unless overridden."""
        pass

    def __iter__(self):
        """Yields the batches in order."""
        for index in range(len(self)):
            yield self[index]
