"""The preprocessing Sequences feed Model.fit_generator.

Skipped while the engine's generator loops are not available.
"""
import numpy as np
import pytest

from keras22.preprocessing.image import ImageDataGenerator
from keras22.preprocessing.sequence import TimeseriesGenerator


def small_model(input_shape):
    models = pytest.importorskip('keras22.models')
    layers = pytest.importorskip('keras22.layers')
    model = models.Sequential([layers.Flatten(input_shape=input_shape),
                               layers.Dense(1)])
    model.compile('sgd', 'mse')
    return model


def fit(model, generator, **kwargs):
    try:
        return model.fit_generator(generator, epochs=2, verbose=0, **kwargs)
    except NotImplementedError:
        pytest.skip('Model.fit_generator is not implemented yet')


def test_fit_generator_on_timeseries_generator():
    data = np.random.uniform(size=(40, 2)).astype('float32')
    generator = TimeseriesGenerator(data, data[:, :1], length=4,
                                    batch_size=8)
    history = fit(small_model((4, 2)), generator)
    assert len(history.history['loss']) == 2


def test_fit_generator_on_image_flow():
    x = np.random.uniform(size=(10, 4, 4, 3))
    y = np.random.uniform(size=(10, 1))
    flow = ImageDataGenerator(horizontal_flip=True).flow(x, y, batch_size=4)
    history = fit(small_model((4, 4, 3)), flow, steps_per_epoch=3)
    assert len(history.history['loss']) == 2
