"""The LSTM and TimeDistributed examples of the user's Keras 2.2 documents
(/work/shared/seeds, Chinese docs: "基于 LSTM 的序列分类", "基于栈式 LSTM 的
序列分类", its stateful version, "视频问答模型", and the FAQ's stateful RNN),
run with `keras` replaced by `keras22` in the imports.

Only the data the examples leave undefined or generate is made small, and
training runs one epoch; the model code is the documents'.
"""
import numpy as np
from numpy.testing import assert_allclose


def test_sequence_classification_with_lstm():
    from keras22.models import Sequential
    from keras22.layers import Dense, Dropout
    from keras22.layers import Embedding
    from keras22.layers import LSTM

    max_features = 1024

    # The example leaves its data undefined: word indices and 0/1 labels.
    x_train = np.random.randint(1, max_features, size=(32, 10))
    y_train = np.random.randint(2, size=(32, 1))
    x_test = np.random.randint(1, max_features, size=(16, 10))
    y_test = np.random.randint(2, size=(16, 1))

    model = Sequential()
    model.add(Embedding(max_features, output_dim=256))
    model.add(LSTM(128))
    model.add(Dropout(0.5))
    model.add(Dense(1, activation='sigmoid'))

    model.compile(loss='binary_crossentropy',
                  optimizer='rmsprop',
                  metrics=['accuracy'])

    model.fit(x_train, y_train, batch_size=16, epochs=1)
    score = model.evaluate(x_test, y_test, batch_size=16)

    assert model.layers[1].output_shape == (None, 128)
    assert [w.shape for w in model.layers[1].get_weights()] == [
        (256, 512), (128, 512), (512,)]
    assert len(score) == 2 and 0. <= score[1] <= 1.


def test_stacked_lstm_sequence_classification():
    from keras22.models import Sequential
    from keras22.layers import LSTM, Dense
    import numpy as np

    data_dim = 16
    timesteps = 8
    num_classes = 10

    # 期望输入数据尺寸: (batch_size, timesteps, data_dim)
    model = Sequential()
    model.add(LSTM(32, return_sequences=True,
                   input_shape=(timesteps, data_dim)))  # 返回维度为 32 的向量序列
    model.add(LSTM(32, return_sequences=True))  # 返回维度为 32 的向量序列
    model.add(LSTM(32))  # 返回维度为 32 的单个向量
    model.add(Dense(10, activation='softmax'))

    model.compile(loss='categorical_crossentropy',
                  optimizer='rmsprop',
                  metrics=['accuracy'])

    # 生成虚拟训练数据
    x_train = np.random.random((128, timesteps, data_dim))
    y_train = np.random.random((128, num_classes))

    # 生成虚拟验证数据
    x_val = np.random.random((32, timesteps, data_dim))
    y_val = np.random.random((32, num_classes))

    history = model.fit(x_train, y_train,
                        batch_size=64, epochs=1,
                        validation_data=(x_val, y_val))

    assert [layer.output_shape for layer in model.layers] == [
        (None, 8, 32), (None, 8, 32), (None, 32), (None, 10)]
    assert sorted(history.history) == ['acc', 'loss', 'val_acc', 'val_loss']
    assert np.isfinite(history.history['val_loss'][0])


def test_stateful_stacked_lstm():
    from keras22.models import Sequential
    from keras22.layers import LSTM, Dense
    import numpy as np

    data_dim = 16
    timesteps = 8
    num_classes = 10
    batch_size = 32

    # 期望输入数据尺寸: (batch_size, timesteps, data_dim)
    # 请注意，我们必须提供完整的 batch_input_shape，因为网络是有状态的。
    # 第 k 批数据的第 i 个样本是第 k-1 批数据的第 i 个样本的后续。
    model = Sequential()
    model.add(LSTM(32, return_sequences=True, stateful=True,
                   batch_input_shape=(batch_size, timesteps, data_dim)))
    model.add(LSTM(32, return_sequences=True, stateful=True))
    model.add(LSTM(32, stateful=True))
    model.add(Dense(10, activation='softmax'))

    model.compile(loss='categorical_crossentropy',
                  optimizer='rmsprop',
                  metrics=['accuracy'])

    # 生成虚拟训练数据
    x_train = np.random.random((batch_size * 2, timesteps, data_dim))
    y_train = np.random.random((batch_size * 2, num_classes))

    # 生成虚拟验证数据
    x_val = np.random.random((batch_size * 1, timesteps, data_dim))
    y_val = np.random.random((batch_size * 1, num_classes))

    model.fit(x_train, y_train,
              batch_size=batch_size, epochs=1, shuffle=False,
              validation_data=(x_val, y_val))

    # The states carried over from the last batch are in the layers.
    states = model.layers[2].states
    assert [s.shape for s in states] == [(32, 32), (32, 32)]
    assert np.abs(np.asarray(states[0])).sum() > 0
    first = model.predict(x_val, batch_size=batch_size)
    model.reset_states()
    again = model.predict(x_val, batch_size=batch_size)
    model.reset_states()
    assert_allclose(model.predict(x_val, batch_size=batch_size), again,
                    atol=1e-6)
    assert not np.allclose(first, again)


def test_faq_stateful_rnn():
    from keras22.models import Sequential
    from keras22.layers import LSTM, Dense

    X = np.random.random((32, 21, 16))  # this is our input data

    model = Sequential()
    model.add(LSTM(32, input_shape=(10, 16), batch_size=32, stateful=True))
    model.add(Dense(16, activation='softmax'))

    model.compile(optimizer='rmsprop', loss='categorical_crossentropy')

    # we train the network to predict the 11th timestep given the first 10:
    model.train_on_batch(X[:, :10, :], np.reshape(X[:, 10, :], (32, 16)))

    # the state of the network has changed. We can feed the follow-up sequences:
    model.train_on_batch(X[:, 10:20, :], np.reshape(X[:, 20, :], (32, 16)))

    lstm = model.layers[0]
    assert np.abs(np.asarray(lstm.states[0])).sum() > 0

    # let's reset the states of the LSTM layer:
    model.reset_states()
    assert not np.asarray(lstm.states[0]).any()

    # another way to do it in this case:
    model.train_on_batch(X[:, :10, :], np.reshape(X[:, 10, :], (32, 16)))
    model.layers[0].reset_states()
    assert not np.asarray(lstm.states[1]).any()


def test_video_question_answering_model():
    """The visual and video question answering models, built as written.

    The documents only build them ("下一步就是在真实数据上训练模型"): their
    inputs are fixed at 224x224 images and 100 frames, so one video sample
    costs about 10^12 floating-point operations, far beyond a quick test on
    two cores. The test builds and compiles the unchanged models and checks
    their shapes and weight sharing; TimeDistributed over a model is run on
    data in tests/layers/test_wrappers.py.
    """
    import keras22
    from keras22.layers import Conv2D, MaxPooling2D, Flatten
    from keras22.layers import Input, LSTM, Embedding, Dense
    from keras22.models import Model, Sequential

    # 首先，让我们用 Sequential 来定义一个视觉模型。
    # 这个模型会把一张图像编码为向量。
    vision_model = Sequential()
    vision_model.add(Conv2D(64, (3, 3), activation='relu', padding='same', input_shape=(224, 224, 3)))
    vision_model.add(Conv2D(64, (3, 3), activation='relu'))
    vision_model.add(MaxPooling2D((2, 2)))
    vision_model.add(Conv2D(128, (3, 3), activation='relu', padding='same'))
    vision_model.add(Conv2D(128, (3, 3), activation='relu'))
    vision_model.add(MaxPooling2D((2, 2)))
    vision_model.add(Conv2D(256, (3, 3), activation='relu', padding='same'))
    vision_model.add(Conv2D(256, (3, 3), activation='relu'))
    vision_model.add(Conv2D(256, (3, 3), activation='relu'))
    vision_model.add(MaxPooling2D((2, 2)))
    vision_model.add(Flatten())

    # 现在让我们用视觉模型来得到一个输出张量：
    image_input = Input(shape=(224, 224, 3))
    encoded_image = vision_model(image_input)

    # 接下来，定义一个语言模型来将问题编码成一个向量。
    # 每个问题最长 100 个词，词的索引从 1 到 9999.
    question_input = Input(shape=(100,), dtype='int32')
    embedded_question = Embedding(input_dim=10000, output_dim=256, input_length=100)(question_input)
    encoded_question = LSTM(256)(embedded_question)

    # 连接问题向量和图像向量：
    merged = keras22.layers.concatenate([encoded_question, encoded_image])

    # 然后在上面训练一个 1000 词的逻辑回归模型：
    output = Dense(1000, activation='softmax')(merged)

    # 最终模型：
    vqa_model = Model(inputs=[image_input, question_input], outputs=output)

    from keras22.layers import TimeDistributed

    video_input = Input(shape=(100, 224, 224, 3))
    # 这是基于之前定义的视觉模型（权重被重用）构建的视频编码
    encoded_frame_sequence = TimeDistributed(vision_model)(video_input)  # 输出为向量的序列
    encoded_video = LSTM(256)(encoded_frame_sequence)  # 输出为一个向量

    # 这是问题编码器的模型级表示，重复使用与之前相同的权重：
    question_encoder = Model(inputs=question_input, outputs=encoded_question)

    # 让我们用它来编码这个问题：
    video_question_input = Input(shape=(100,), dtype='int32')
    encoded_video_question = question_encoder(video_question_input)

    # 这就是我们的视频问答模式：
    merged = keras22.layers.concatenate([encoded_video, encoded_video_question])
    output = Dense(1000, activation='softmax')(merged)
    video_qa_model = Model(inputs=[video_input, video_question_input], outputs=output)

    video_qa_model.compile('rmsprop', 'categorical_crossentropy')

    assert vqa_model.output_shape == (None, 1000)
    assert keras22.backend.int_shape(encoded_frame_sequence) == (
        None, 100, 25 * 25 * 256)
    assert video_qa_model.output_shape == (None, 1000)
    # The vision model and the question encoder are shared, not copied.
    [time_distributed] = [layer for layer in video_qa_model.layers
                          if isinstance(layer, TimeDistributed)]
    assert time_distributed.layer is vision_model
    assert question_encoder in video_qa_model.layers
    vision_weights = set(id(w) for w in vision_model.weights)
    video_weights = [id(w) for w in video_qa_model.weights]
    assert vision_weights <= set(video_weights)
    assert len(video_weights) == len(set(video_weights))
